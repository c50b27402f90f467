"""The database search backend (`WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "core.search.backends"`):
Wagtail's own, choosing SQLite's FTS5 or PostgreSQL by the default database as Wagtail's does, with
the indexed text made as core.search.analysis says:

- on every database, legal references written as one token ("L. 2112-2" → "l2112x2");
- on SQLite, every word stemmed with Snowball French (FTS5 has no stemmer; PostgreSQL's
  `french_unaccent` configuration stems with the same algorithm);
- on PostgreSQL, each field in the weight class its role gives it (settings.SEARCH_FIELD_WEIGHTS),
  with the rank weights of those classes, rather than classes derived from every model's boosts.

modelsearch builds its indexer by name inside `add_items`: the two `add_items` below are its own,
with the indexer class as an attribute."""

from django.db import connection

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

from .weights import field_weight, sql_weights, weight_class

__all__ = ["SearchBackend", "field_weight", "sql_weights", "weight_class"]


def SearchBackend(params):
    """The backend for the default database, as modelsearch.backends.database chooses it; each
    database's module imports only there (modelsearch's SQLite module needs SQLite's index model)."""
    backend = DatabaseSearchBackend(params)
    if type(backend).__module__ == "modelsearch.backends.database.sqlite.sqlite":
        from .sqlite import SQLiteSearchBackend

        return SQLiteSearchBackend(params)
    if connection.vendor == "postgresql":
        from .postgres import PostgresSearchBackend

        return PostgresSearchBackend(params)
    return backend
