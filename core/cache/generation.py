"""The site's cache generation: one value in every page key, replaced to purge every page at once.

Finer purges (by page, by list) would have to know every page that shows a given page, snippet or
setting: the home page's latest items, the hub, the archive, every menu and footer. A publish is rare
next to the visits; after one, each page is rendered once more per worker (or once in all with a
shared cache). The generation lives in a cache every worker shares, so that a publish in one worker
(or in `manage.py publish_scheduled`) reaches the others at their next request."""

import secrets

from django.conf import settings
from django.core.cache import caches

GENERATION_KEY = "page-cache:generation"


def _generation_cache():
    return caches[settings.PAGE_CACHE_GENERATION_ALIAS]


def current_generation() -> str:
    """The generation pages are stored and looked up under now."""
    cache = _generation_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # add(): two workers starting together agree on one value.
        cache.add(GENERATION_KEY, secrets.token_hex(6), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def purge() -> None:
    """Forget every cached page, in every worker and language (a new generation)."""
    _generation_cache().set(GENERATION_KEY, secrets.token_hex(6), timeout=None)
