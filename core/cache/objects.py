"""Objects kept per generation (core.cache.generation): what the layout of every page reads (the
site, the home page, the contact settings, the breadcrumbs, the home page's sections), computed once
and then read from the default cache until the next purge. A publish, or the change of anything the
page cache purges on, forgets them all at once, as it forgets the cached pages; PAGE_CACHE_TIMEOUT
bounds how long what changes without a signal (an event passing) waits.

Only what is the same for every visitor goes here: never a user, a session, a form or a token. The
names are built by the callers from bounded parts (a site's or a page's id, a language of
LANGUAGES), never from visitor input."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost

from wagtail.models import Site

from .generation import current_generation

_MISSING = object()
MAX_HOST_LENGTH = 255


def cached_per_generation(name: str, compute):
    """`compute()`'s value, computed once per generation (None is kept too)."""
    key = f"object:{current_generation()}:{name}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, settings.PAGE_CACHE_TIMEOUT)
    return value


def remember_site(request) -> None:
    """Give Wagtail the request's site (and its root page, specific) from the cache, where
    `Site.find_for_request` looks first (`request._wagtail_site`). Only for a host ALLOWED_HOSTS
    accepts: a hostile Host header gets Wagtail's own lookup and leaves nothing in the cache."""
    if hasattr(request, "_wagtail_site"):
        return
    try:
        host = request.get_host()
    except DisallowedHost:
        return
    if len(host) > MAX_HOST_LENGTH:
        return
    place = hashlib.md5(f"{host}|{request.get_port()}".encode(), usedforsecurity=False).hexdigest()

    def find():
        site = Site._find_for_request(request)
        if site is not None:
            # Kept with the site, specific: routing asks for `site.root_page.localized.specific`,
            # which a page type with core.cache.pages.PerGenerationRoutingMixin answers without a
            # query.
            site.root_page = site.root_page.specific
        return site

    request._wagtail_site = cached_per_generation(f"site:{place}", find)
