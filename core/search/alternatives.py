""" "Essayez avec…": for a search that found nothing, even corrected, the searches with fewer words
that do find something ("clause insertion blanchisserie toulouse" → "clause insertion
blanchisserie", 3 results).

Every word must be found (the searches are run with operator "and"), so one word the corpus does not
hold empties the page: leaving each word out in turn, then keeping each word alone, tells the
visitor which words to keep. Stop words are not counted as words; at most MAX_WORDS words are tried,
so that a zero-result page costs at most MAX_WORDS × 2 searches."""

from collections.abc import Callable
from dataclasses import dataclass

from core.text import FRENCH_STOP_WORDS, WORD_RE, fold

MAX_WORDS = 6
MAX_ALTERNATIVES = 3


@dataclass(frozen=True)
class Alternative:
    query: str
    count: int


def alternatives(text: str, count: Callable[[str], int]) -> list[Alternative]:
    """Up to MAX_ALTERNATIVES searches with fewer words than `text` that find something, the most
    words kept first, then the most results; `count(query)` runs a search and counts its results."""
    words = [word for word in WORD_RE.findall(text) if fold(word) not in FRENCH_STOP_WORDS]
    if len(words) < 2 or len(words) > MAX_WORDS:
        return []
    found = []
    tried = set()
    for size in (len(words) - 1, 1) if len(words) > 2 else (1,):
        for candidate in _subsets(words, size):
            query = " ".join(candidate)
            if fold(query) in tried:
                continue
            tried.add(fold(query))
            number = count(query)
            if number:
                found.append(Alternative(query, number))
        if found:
            break
    found.sort(key=lambda alternative: -alternative.count)
    return found[:MAX_ALTERNATIVES]


def _subsets(words, size):
    if size == 1:
        return [[word] for word in words]
    return [words[:index] + words[index + 1 :] for index in range(len(words))]
