"""The visitor's words turned into a search query that no input can break."""

import re

from wagtail.search.query import And, Fuzzy, Not, Or, Phrase, PlainText, SearchQuery
from wagtail.search.utils import parse_query_string

from core.text import WORD_RE

from .analysis import normalise_query_references, stem_text

# Punctuation that does not join two word characters ("-", "''" or "*" alone or at a word's edge);
# inside a word it stays: "L2113-13", "l'emploi".
LOOSE_PUNCTUATION = re.compile(r'(?<!\w)[^\w\s"]+|[^\w\s"]+(?!\w)')


def parse_search_query(text: str) -> SearchQuery | None:
    """The visitor's words as a Wagtail query: every word must match ("all words"), "quoted phrases"
    match as phrases, and an unbalanced quote or an engine operator is taken as plain text. Colons are
    not Wagtail's field filters here ("CCP:L2113-13" is two words). Legal references become the one
    token the index holds ("article L. 2113-13" → "l2113x13", core.search.analysis)."""
    text = normalise_query_references(text)
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


def stemmed(query: SearchQuery) -> SearchQuery:
    """`query` with the words of its plain parts and phrases stemmed as SQLite's index holds them
    (core.search.backends)."""
    if isinstance(query, PlainText):
        return PlainText(
            stem_text(query.query_string) or query.query_string, operator=query.operator
        )
    if isinstance(query, Phrase):
        return Phrase(stem_text(query.query_string) or query.query_string)
    if isinstance(query, And | Or):
        return type(query)([stemmed(part) for part in query.subqueries])
    if isinstance(query, Not):
        return Not(stemmed(query.subquery))
    return query


def with_fuzzy_words(query: SearchQuery) -> SearchQuery:
    """For Elasticsearch: each plain part of `query` also matched with `fuzziness: AUTO`, so that a
    word with a letter or two wrong still finds the page, below those holding the exact words (they
    match both parts)."""
    if isinstance(query, And):
        return And([with_fuzzy_words(part) for part in query.subqueries])
    if isinstance(query, PlainText):
        return Or([query, Fuzzy(query.query_string, operator=query.operator)])
    return query
