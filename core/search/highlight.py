"""The passage of a resource that best matches the visitor's words, with those words in <mark>.

Matching is accent- and case-insensitive and tolerant of French plural and feminine endings (a light
stemming by prefix), close to what the search engines match; the text is HTML-escaped piece by piece."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.text import ENGLISH_STOP_WORDS, FRENCH_STOP_WORDS, WORD_RE, fold

WINDOW = 36


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
    for word in WORD_RE.findall(query or ""):
        folded = fold(word)
        if len(folded) < 2 or folded in FRENCH_STOP_WORDS or folded in ENGLISH_STOP_WORDS:
            continue
        value = stem(word)
        if value not in stems:
            stems.append(value)
    return stems


def _matches(folded_word, stems):
    for value in stems:
        if folded_word == value or (len(value) >= 3 and folded_word.startswith(value)):
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
    tokens = [(m.start(), m.end(), fold(m.group())) for m in WORD_RE.finditer(text)]
    hits = [i for i, token in enumerate(tokens) if _matches(token[2], stems)]
    if not hits:
        return "", 0
    best_start, best_score, best_terms = hits[0], -1, 0
    for first in hits:
        matched = {_matches(tokens[i][2], stems) for i in hits if first <= i < first + window}
        count = sum(1 for i in hits if first <= i < first + window)
        score = len(matched) * 100 + count
        if score > best_score:
            best_start, best_score, best_terms = first, score, len(matched)
    start = max(0, best_start - 6)
    end = min(len(tokens), start + window)
    hit_set = set(hits)
    pieces = ["… " if start > 0 else ""]
    cursor = tokens[start][0] if start > 0 else 0
    for i in range(start, end):
        token_start, token_end, _folded = tokens[i]
        pieces.append(escape(text[cursor:token_start]))
        word = escape(text[token_start:token_end])
        pieces.append(f"<mark>{word}</mark>" if i in hit_set else word)
        cursor = token_end
    if end < len(tokens):
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
    for match in WORD_RE.finditer(title):
        pieces.append(escape(title[cursor : match.start()]))
        word = escape(match.group())
        pieces.append(f"<mark>{word}</mark>" if _matches(fold(match.group()), stems) else word)
        cursor = match.end()
    pieces.append(escape(title[cursor:]))
    return mark_safe("".join(pieces))  # noqa: S308 (every piece escaped above)
