"""The sources a newsletter's digest block pulls its latest items from.

Another app registers its own source once, in its AppConfig.ready() (or a module it imports):

    from newsletter.digest import register_digest_source
    register_digest_source("resources", _("Dernières ressources"), latest_resources,
                           options=resource_options)

`items(locale, limit, *, before=None, option="")` returns at most `limit` live pages (or any
objects with `title`, `full_url`, `first_published_at` and optionally `search_description`,
`intro` or `summary`), newest first, published no later than `before` (an issue lists only what
came out before its own date). `options()`, when given, returns the source's narrower selections as
(value, label) pairs (a kind of resource, a theme...): the block offers each as "key:value", and
`items` receives the value as `option`. The agenda, the directory and the procurement watch
register theirs the same way.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

_SOURCES = {}
OPTION_SEPARATOR = ":"


@dataclass(frozen=True)
class DigestSource:
    key: str
    label: str
    items: object  # callable(locale, limit, *, before=None, option="") -> iterable of pages
    options: object = None  # callable() -> [(value, label)], or None


def register_digest_source(key, label, items, options=None):
    """Offer `items(locale, limit, *, before, option)` to the digest block under `key`, with the
    narrower selections `options()`; registering a key again replaces its source."""
    _SOURCES[key] = DigestSource(key, label, items, options)


def digest_sources():
    return dict(_SOURCES)


def digest_source_choices():
    """The choices of the digest block's source field (called when the admin form is built): each
    source, then each of its options under it."""
    choices = []
    for source in _SOURCES.values():
        choices.append((source.key, source.label))
        for value, label in source.options() if source.options else []:
            choices.append((f"{source.key}{OPTION_SEPARATOR}{value}", f"{source.label} — {label}"))
    return choices


def digest_items(key, locale, limit, before=None):
    """The items of the source (and option) `key` in `locale`, published by `before` (now when
    None)."""
    base, _sep, option = key.partition(OPTION_SEPARATOR)
    source = _SOURCES.get(base)
    if source is None:
        return []
    return list(source.items(locale, limit, before=before or timezone.now(), option=option))


def issue_date(page):
    """What an issue's digest may list goes up to its first publication (now for a draft)."""
    return getattr(page, "first_published_at", None) or timezone.now()


def latest_content_pages(locale, limit, *, before=None, option=""):
    """The site's latest content pages, less its utility pages: those linked from the footer
    (legal notice, accessibility, personal data) in any language."""
    from wagtail.models import Page

    from home.models import ContentPage, FooterItem

    utility_keys = Page.objects.filter(pk__in=FooterItem.objects.values("page_id")).values(
        "translation_key"
    )
    pages = (
        ContentPage.objects.live()
        .public()
        .filter(locale=locale)
        .exclude(translation_key__in=utility_keys)
    )
    if before is not None:
        pages = pages.filter(first_published_at__lte=before)
    return pages.order_by("-first_published_at")[:limit]


register_digest_source("content_pages", _("Dernières pages publiées du site"), latest_content_pages)
