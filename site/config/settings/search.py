"""Search: the backend and the fields' weights."""

from .database import DATABASES
from .environment import env

# Search: Wagtail's database backend by default (SQLite FTS5, or PostgreSQL with the french_unaccent
# configuration that home's migration creates); Elasticsearch 9 with a French analyzer through
# ELASTICSEARCH_URL.
if env("ELASTICSEARCH_URL"):
    from config.search import elasticsearch_backend

    WAGTAILSEARCH_BACKENDS = {
        "default": elasticsearch_backend(
            env("ELASTICSEARCH_URL"), env("ELASTICSEARCH_INDEX_PREFIX", "mics34_")
        )
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "core.search.backends",
            "SEARCH_CONFIG": "french_unaccent",
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "core.search.backends"}}

# What a word weighs in each search field, by the field's name, relative to the others (README,
# "Search"): title above summary above body above attached documents and taxonomy names. PostgreSQL
# ranks with these as its four weight classes, SQLite weighs its title column against its body column
# by title / default, Elasticsearch boosts each field by its weight.
SEARCH_FIELD_WEIGHTS = {
    "title": 1.0,
    "name": 1.0,
    "summary": 0.5,
    "intro": 0.5,
    "hero_title": 0.5,
    "legal_references_text": 0.5,
    "default": 0.25,
    "attachments_text": 0.1,
    "taxonomy_text": 0.1,
}
