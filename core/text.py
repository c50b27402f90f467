"""Text helpers shared by the site's searches: words, accent folding, stop words."""

import functools
import re
import unicodedata

# A word: letters and digits of any script ("L2113", "d", "réservés").
WORD_RE = re.compile(r"\w+", re.UNICODE)

FRENCH_STOP_WORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "d",
        "dans",
        "de",
        "des",
        "du",
        "elle",
        "en",
        "et",
        "il",
        "ils",
        "l",
        "la",
        "le",
        "les",
        "leur",
        "lui",
        "ma",
        "mais",
        "me",
        "meme",
        "mes",
        "moi",
        "mon",
        "n",
        "ne",
        "nos",
        "notre",
        "nous",
        "on",
        "ou",
        "par",
        "pas",
        "pour",
        "qu",
        "que",
        "qui",
        "s",
        "sa",
        "se",
        "ses",
        "son",
        "sur",
        "ta",
        "te",
        "tes",
        "toi",
        "ton",
        "tu",
        "un",
        "une",
        "vos",
        "votre",
        "vous",
        "y",
        "est",
        "sont",
    ]
)


# Words a search leaves out (the French ones: PostgreSQL's and Elasticsearch's French analysis drops
# them, and the hub's search drops them for SQLite too, and the English ones in English).
ENGLISH_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "with",
    ]
)
STOP_WORDS = {"fr": FRENCH_STOP_WORDS, "en": ENGLISH_STOP_WORDS}


@functools.lru_cache(maxsize=50_000)
def fold(word):
    """Lowercase, without accents (kept for the words seen last: a passage to highlight folds the
    same few thousand words over and over)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def significant_words(text):
    """The folded words of `text` without stop words of either language: "Clause d'insertion" and
    "clause insertion" both give "clause insertion"."""
    words = (fold(word) for word in WORD_RE.findall(text))
    return " ".join(
        word for word in words if word not in FRENCH_STOP_WORDS and word not in ENGLISH_STOP_WORDS
    )
