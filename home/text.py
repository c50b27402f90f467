"""Text helpers shared by the site's searches."""

import unicodedata


def fold(word):
    """Lowercase, without accents."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
