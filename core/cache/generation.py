"""The site's cache generation: one value in every page key, replaced to purge every page at once.

Finer purges (by page, by list) would have to know every page that shows a given page, snippet or
setting: the home page's latest items, the hub, the archive, every menu and footer. A publish is rare
next to the visits; after one, each page is rendered once more per worker (or once in all with a
shared cache). The generation lives in a cache every worker shares, so that a publish in one worker
(or in `manage.py publish_scheduled`) reaches the others at their next request.

A request reads it once (`pinned_generation`, entered by the page cache middleware): the layout asks
for a dozen objects and fragments kept under it, and each read of the shared cache is a file read
(or a round trip to Redis). A purge during the request moves the pinned value too."""

import secrets
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches

GENERATION_KEY = "page-cache:generation"

_pinned: ContextVar[str | None] = ContextVar("page_cache_generation", default=None)


def _generation_cache():
    return caches[settings.PAGE_CACHE_GENERATION_ALIAS]


def _read() -> str:
    cache = _generation_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # add(): two workers starting together agree on one value.
        cache.add(GENERATION_KEY, secrets.token_hex(6), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def current_generation() -> str:
    """The generation pages are stored and looked up under now."""
    pinned = _pinned.get()
    return pinned if pinned is not None else _read()


@contextmanager
def pinned_generation():
    """Within the block, `current_generation()` answers from one read of the shared cache (a
    request's worth: a purge elsewhere meanwhile is seen at the next request)."""
    token = _pinned.set(_read())
    try:
        yield
    finally:
        _pinned.reset(token)


def purge() -> None:
    """Forget every cached page, in every worker and language (a new generation)."""
    generation = secrets.token_hex(6)
    _generation_cache().set(GENERATION_KEY, generation, timeout=None)
    if _pinned.get() is not None:
        _pinned.set(generation)
