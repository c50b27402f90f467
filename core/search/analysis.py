"""The text the search engines index and the words they are asked for, made alike on every backend.

- **Legal references as one word.** "L2112-2", "L. 2112-2", "article L2112-2", "l2112-2" become the
  single token "l2112x2" (R and D articles alike); "loi 2021-1104", "loi n° 2021-1104" become
  "loi2021x1104"; "directive 2014/24/UE" becomes "dirue2014x24". Each engine's tokenizer would
  otherwise cut a reference in two ("L2112" and "2"), and the notes citing the neighbouring articles
  (L2112-1, L2113-2...) would match as well. The same function runs on the indexed text (through
  core.search.backends on the database backends, and the analyzer's pattern_replace char filters in
  config.search for Elasticsearch) and on the visitor's words (core.search.query).
- **French stemming on SQLite** (Snowball French, as PostgreSQL's `french_stem` dictionary):
  FTS5 has no stemmer, so the database backend's text is stemmed before SQLite tokenizes it, and the
  query's words too. PostgreSQL and Elasticsearch stem with their own analysis."""

import re
from functools import lru_cache

import snowballstemmer

from core.text import WORD_RE, fold

# The patterns are written once for Python and for Elasticsearch's Java regexes (config.search's
# char filters): (pattern, replacement with $n groups). A code article: a letter L, R or D
# (legislative, regulatory, decree), an optional dot and space, four digits and a dash-separated
# suffix: "L2112-2", "R. 2152-7", "D2111-3".
REFERENCE_PATTERNS = [
    (r"\b([LRDlrd])\.?\s?(\d{4})-(\d{1,3})\b", "$1$2x$3"),
    (
        r"(?i)\b(loi|ordonnance|décret|decret)\s+(?:n\s?°\s?|no\.?\s)?(\d{4})-(\d{1,4})\b",
        "$1$2x$3",
    ),
    (r"(?i)\bdirective\s+(?:\(UE\)\s*)?(\d{4})/(\d{1,4})(?:/(?:UE|CE))?(?![\w/])", "dirue$1x$2"),
    (r"(?i)\b(\d{4})/(\d{1,4})/(?:UE|CE)\b", "dirue$1x$2"),
]
_COMPILED = [
    (re.compile(pattern), re.sub(r"\$(\d)", r"\\\1", replacement))
    for pattern, replacement in REFERENCE_PATTERNS
]
# (compiled pattern, replacement for Match.expand): for the highlighter, which marks a reference whole.
REFERENCE_REGEXES = _COMPILED
# "article", "art.", "articles" before a code article: left out of the query, so that "article
# L2112-2" asks for the reference only.
ARTICLE_WORD_RE = re.compile(r"\b(?:articles?|art\.)\s+(?=[LRDlrd]\.?\s?\d{4}-\d)", re.IGNORECASE)


def normalise_references(text: str) -> str:
    """`text` with each legal reference written as one lowercase, unaccented token ("L. 2112-2" →
    "l2112x2", "Décret n° 2016-360" → "decret2016x360")."""
    if not text:
        return text
    for pattern, replacement in _COMPILED:
        text = pattern.sub(lambda m, r=replacement: fold(m.expand(r)), text)
    return text


def normalise_query_references(text: str) -> str:
    """The visitor's words with their legal references as the index holds them; "article" before a
    code article is left out."""
    return normalise_references(ARTICLE_WORD_RE.sub("", text or ""))


_STEMMER = snowballstemmer.stemmer("french")
# Ligatures SQLite's unicode61 tokenizer keeps as they are: "œuvre" and "oeuvre" must match.
LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"})


@lru_cache(maxsize=50_000)
def stem_word(word: str) -> str:
    """The Snowball French stem of one word, lowercased and unaccented first ("réservées" and
    "reservees" → "reserv"): a visitor who leaves out the accents gets the same stem."""
    return _STEMMER.stemWord(fold(word.translate(LIGATURES)))


def stem_text(text: str) -> str:
    """The words of `text` stemmed, separated by spaces (punctuation goes: FTS5 ignores it anyway).
    Elisions split at the apostrophe ("d'insertion" → "d insert")."""
    if not text:
        return text
    return " ".join(stem_word(word) for word in WORD_RE.findall(text))
