"""The sources a newsletter's digest block pulls its latest items from. Each app registers its own,
once, in its AppConfig.ready(), and the newsletter's digest block offers them all:

    from core.digest import register_digest_source
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

_SOURCES: dict[str, "DigestSource"] = {}
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


def digest_sources() -> dict:
    """Every registered source, by key."""
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
