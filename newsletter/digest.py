"""The sources a newsletter's digest block pulls its latest items from.

Another app registers its own source once, in its AppConfig.ready():

    from newsletter.digest import register_digest_source
    register_digest_source("resources", _("Dernières ressources"), latest_resources)

where `latest_resources(locale, limit)` returns at most `limit` live pages (or any objects with
`title`, `full_url` and optionally `search_description`/`intro` and `last_published_at`), newest first.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

_SOURCES = {}


@dataclass(frozen=True)
class DigestSource:
    key: str
    label: str
    items: object  # callable(locale, limit) -> iterable of pages


def register_digest_source(key, label, items):
    """Offer `items(locale, limit)` to the digest block under `key`; registering a key again
    replaces its source."""
    _SOURCES[key] = DigestSource(key, label, items)


def digest_sources():
    return dict(_SOURCES)


def digest_source_choices():
    """The choices of the digest block's source field (called when the admin form is built)."""
    return [(source.key, source.label) for source in _SOURCES.values()]


def digest_items(key, locale, limit):
    source = _SOURCES.get(key)
    if source is None:
        return []
    return list(source.items(locale, limit))


def latest_content_pages(locale, limit):
    from home.models import ContentPage

    return (
        ContentPage.objects.live()
        .public()
        .filter(locale=locale)
        .order_by("-first_published_at")[:limit]
    )


register_digest_source("content_pages", _("Dernières pages publiées du site"), latest_content_pages)
