"""The passage of a resource that best matches the visitor's words, with those words in <mark>.

Matching is accent- and case-insensitive and tolerant of French plural and feminine endings (a light
stemming by prefix), close to what the search engines match; the text is HTML-escaped piece by piece.
A legal reference is one word, as the engines index it (core.search.analysis): "L2112-2" marks
"L. 2112-2" and "article L2112-2" whole, never "L2112-1" nor the "2021" of a date beside "loi
2021-1104"."""

import bisect
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.text import ENGLISH_STOP_WORDS, FRENCH_STOP_WORDS, WORD_RE, fold

from .analysis import REFERENCE_REGEXES, normalise_query_references

WINDOW = 36
# A legal reference as core.search.analysis writes it ("l2112x2", "loi2021x1104", "dirue2014x24"):
# matched whole, never as a prefix.
NORMALISED_REFERENCE_RE = re.compile(
    r"^(?:[lrd]\d{4}|loi\d{4}|ordonnance\d{4}|decret\d{4}|dirue\d{4})x\d+$"
)


def tokens(text):
    """(start, end, folded word) of each word of `text`, a legal reference as one word in its
    normalised form. Linear in the text: the references found so far are kept sorted by start
    (they never overlap), so that a match or a word is checked against its neighbours only; a PDF's
    text of 20,000 words citing 200 articles took seconds when every word was checked against every
    reference."""
    starts, references = [], []  # sorted by start; references[i] = (start, end, folded)
    for pattern, replacement in REFERENCE_REGEXES:
        for match in pattern.finditer(text):
            begin, end = match.start(), match.end()
            index = bisect.bisect_left(starts, begin)
            if index > 0 and references[index - 1][1] > begin:
                continue  # overlaps the reference before it
            if index < len(starts) and starts[index] < end:
                continue  # overlaps the reference after it
            starts.insert(index, begin)
            references.insert(index, (begin, end, fold(match.expand(replacement))))
    found = list(references)
    position = 0
    for match in WORD_RE.finditer(text):
        begin, end = match.start(), match.end()
        while position < len(references) and references[position][1] <= begin:
            position += 1
        if position < len(references) and references[position][0] < end:
            continue  # inside a reference
        found.append((begin, end, fold(match.group())))
    found.sort()
    return found


def stem(word):
    """A light French stem: enough to match "réservés" with "réservé" and "marchés" with "marché"."""
    word = fold(word)
    for ending in ("aux", "eaux", "es", "s", "x", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def query_stems(query):
    """The stems of the query's words, stop words and one-letter words left out."""
    stems = []
    for word in WORD_RE.findall(normalise_query_references(query or "")):
        folded = fold(word)
        if len(folded) < 2 or folded in FRENCH_STOP_WORDS or folded in ENGLISH_STOP_WORDS:
            continue
        value = folded if NORMALISED_REFERENCE_RE.match(folded) else stem(word)
        if value not in stems:
            stems.append(value)
    return stems


def _matches(folded_word, stems):
    for value in stems:
        if folded_word == value:
            return value
        if (
            len(value) >= 3
            and folded_word.startswith(value)
            and not NORMALISED_REFERENCE_RE.match(value)
        ):
            return value
    return None


def highlight_passage(text, query, window=WINDOW):
    """The best window of `window` words of `text` for `query`, escaped, the matched words in
    <mark>; "" when no word matches."""
    return _passage(text, query_stems(query), window)[0]


def highlight_best_passage(texts, query, window=WINDOW):
    """Of the texts (callables giving text, in order of preference: the summary, then the whole
    text), the passage that shows the most of the query's distinct words; the next text is read only
    when the passage so far misses some."""
    stems = query_stems(query)
    best, best_terms = "", 0
    for text in texts:
        passage, terms = _passage(text(), stems, window)
        if terms > best_terms:
            best, best_terms = passage, terms
        if best_terms == len(stems):
            break
    return best


def _passage(text, stems, window):
    """(the highlighted passage, the number of distinct query words it shows)."""
    if not stems or not text:
        return "", 0
    words = tokens(text)
    hits = [i for i, token in enumerate(words) if _matches(token[2], stems)]
    if not hits:
        return "", 0
    best_start, best_score, best_terms = hits[0], -1, 0
    for first in hits:
        matched = {_matches(words[i][2], stems) for i in hits if first <= i < first + window}
        count = sum(1 for i in hits if first <= i < first + window)
        score = len(matched) * 100 + count
        if score > best_score:
            best_start, best_score, best_terms = first, score, len(matched)
    start = max(0, best_start - 6)
    end = min(len(words), start + window)
    hit_set = set(hits)
    pieces = ["… " if start > 0 else ""]
    cursor = words[start][0] if start > 0 else 0
    for i in range(start, end):
        token_start, token_end, _folded = words[i]
        pieces.append(escape(text[cursor:token_start]))
        word = escape(text[token_start:token_end])
        pieces.append(f"<mark>{word}</mark>" if i in hit_set else word)
        cursor = token_end
    if end < len(words):
        pieces.append(" …")
    else:
        pieces.append(escape(text[cursor:]))
    # Every piece escaped above.
    return mark_safe("".join(pieces)), best_terms  # noqa: S308


def highlight_title(title, query):
    """The title, escaped, with the matched words in <mark>."""
    stems = query_stems(query)
    if not stems:
        return escape(title)
    pieces, cursor = [], 0
    for start, end, folded in tokens(title):
        pieces.append(escape(title[cursor:start]))
        word = escape(title[start:end])
        pieces.append(f"<mark>{word}</mark>" if _matches(folded, stems) else word)
        cursor = end
    pieces.append(escape(title[cursor:]))
    return mark_safe("".join(pieces))  # noqa: S308 (every piece escaped above)
