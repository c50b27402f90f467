"""The sources a newsletter's digest block pulls its latest items from: each app registers its own,
once, in its AppConfig.ready(), and the newsletter's digest block offers them all:

    from core.digest import register_digest_source
    register_digest_source("resources", _("Dernières ressources"), latest_resources)

where `latest_resources(locale, limit)` returns at most `limit` live pages (or any objects with
`title`, `full_url` and optionally `search_description`/`intro` and `last_published_at`), newest first.
"""

from dataclasses import dataclass

_SOURCES: dict[str, "DigestSource"] = {}


@dataclass(frozen=True)
class DigestSource:
    key: str
    label: str
    items: object  # callable(locale, limit) -> iterable of pages


def register_digest_source(key: str, label, items) -> None:
    """Offer `items(locale, limit)` to the digest block under `key`; registering a key again
    replaces its source."""
    _SOURCES[key] = DigestSource(key, label, items)


def digest_sources() -> dict:
    """Every registered source, by key."""
    return dict(_SOURCES)


def digest_source_choices():
    """The choices of the digest block's source field (called when the admin form is built)."""
    return [(source.key, source.label) for source in _SOURCES.values()]


def digest_items(key: str, locale, limit: int) -> list:
    """At most `limit` items of the source `key` in `locale` (none when the source is unknown)."""
    source = _SOURCES.get(key)
    if source is None:
        return []
    return list(source.items(locale, limit))
