"""The visitor's words turned into a search query that no input can break."""

import re

from wagtail.search.query import And, SearchQuery
from wagtail.search.utils import parse_query_string

from core.text import WORD_RE

# Punctuation that does not join two word characters ("-", "''" or "*" alone or at a word's edge);
# inside a word it stays: "L2113-13", "l'emploi".
LOOSE_PUNCTUATION = re.compile(r'(?<!\w)[^\w\s"]+|[^\w\s"]+(?!\w)')


def parse_search_query(text: str) -> SearchQuery | None:
    """The visitor's words as a Wagtail query: every word must match ("all words"), "quoted phrases"
    match as phrases, and an unbalanced quote or an engine operator is taken as plain text. Colons are
    not Wagtail's field filters here ("CCP:L2113-13" is two words)."""
    # Loose punctuation matches nothing, and Wagtail's PostgreSQL backend fails to combine the empty
    # query it makes of a word such as "-''AND": it goes (double quotes stay, they make phrases).
    text = LOOSE_PUNCTUATION.sub(" ", text.replace(":", " "))
    _filters, query = parse_query_string(text, operator="and")
    # A part without any letter or digit gives PostgreSQL an empty query that it cannot combine:
    # leave such parts out; None when nothing is left to search for.
    parts = query.subqueries if isinstance(query, And) else [query]
    parts = [part for part in parts if WORD_RE.search(getattr(part, "query_string", "") or "")]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)
