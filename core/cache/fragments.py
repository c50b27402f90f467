"""Fragments of a page kept per generation (core.cache.generation): the parts of the layout and of a
page's content that are the same for every visitor (the menus, the footer, a page's body), rendered
once and then read from the page cache's store until the next purge. They serve the requests the
page cache does not (a query string, a logged-in editor, a session): those still pay for Wagtail's
routing and for what varies, not for the rest of the layout.

What a fragment may hold: what the page cache may store, nothing else. Its CSRF tokens (a footer's
newsletter form) are holes filled per request with the visitor's own token, as the page cache does;
a fragment that used the CSP nonce is rendered but not kept. Never a user, a session, a message, nor
visitor input: its key is the generation, the fragment's name, the active language (one of
LANGUAGES), the request's site and the `parts` the caller gives, which must be bounded too (a page's
id, a content type's), never a query string.

Off with the page cache (PAGE_CACHE=false: development, the tests), so that a template's edit shows
at once, and never used for a preview (a draft's title and body must not be kept)."""

import hashlib
import re
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import caches
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from wagtail.models import Site

from .generation import current_generation

CSRF_INPUT_RE = re.compile(r'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+(")')
CSRF_HOLE = "\x00csrf\x00"


def fragments_enabled(request) -> bool:
    """Whether fragments may be read and stored for this request."""
    return (
        settings.PAGE_CACHE_ENABLED
        and request is not None
        and not getattr(request, "is_preview", False)
    )


def fragment_key(request, name: str, parts: Iterable) -> str:
    """The fragment's key: bounded whatever the request (the parts hashed)."""
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    site = Site.find_for_request(request)  # kept on the request (core.cache.objects)
    place = hashlib.md5(
        "|".join(str(part) for part in parts).encode(), usedforsecurity=False
    ).hexdigest()
    return f"fragment:{current_generation()}:{name}:{language}:{site.pk if site else '-'}:{place}"


def cached_fragment(request, name: str, parts: Iterable, render: Callable[[], str]) -> SafeString:
    """`render()`'s HTML, rendered once per generation, language, site and `parts`."""
    if not fragments_enabled(request):
        return mark_safe(render())  # noqa: S308 (a template's output, autoescaped)
    store = caches[settings.PAGE_CACHE_ALIAS]
    key = fragment_key(request, name, parts)
    kept = store.get(key)
    if kept is not None:
        if CSRF_HOLE in kept:
            kept = kept.replace(CSRF_HOLE, get_token(request))
        return mark_safe(kept)  # noqa: S308 (a template's output, autoescaped)
    html = str(render())
    nonce = getattr(request, "_csp_nonce", None)
    if not (isinstance(nonce, str) and nonce in html):
        store.set(
            key, CSRF_INPUT_RE.sub(r"\1" + CSRF_HOLE + r"\2", html), settings.PAGE_CACHE_TIMEOUT
        )
    return mark_safe(html)  # noqa: S308 (a template's output, autoescaped)
