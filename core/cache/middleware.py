"""The page cache middleware: an anonymous visitor's GET of a cacheable page, served from the cache.

It sits right after Django's CSRF middleware (site/config/settings/base.py, MIDDLEWARE), so that a page served from
the cache skips authentication, messages, Wagtail's routing and the database, and still gets its CSRF
cookie. It stores what the inner middleware made of the page (the CSP, X-Frame-Options and
Permissions-Policy headers included), with two holes:

- the CSRF tokens of the page's forms (the footer's newsletter form, the contact form): each visitor's
  copy gets tokens of their own, valid against their own CSRF cookie, which Django's CSRF middleware
  sets on the way out when the visitor has none;
- the CSP nonce, when the page used one: a fresh one goes in both the body and the header, so that no
  two responses share a nonce and the header always matches the page.

What it never serves from nor stores in the cache: another method than GET, a query string (search
results and any unbounded visitor input), a request with a session or messages cookie or credentials
(the logged-in, a visitor with a message waiting), the admin, previews, a response that is not a 200,
that sets a cookie, says private or no-store, varies on something else than the language, or whose
view is not declared cacheable (core.cache.registry). A response built for a logged-in person, or for a
session, leaves with `Cache-Control: private`.

The key: the generation (core.cache.generation), the scheme, the host (validated by ALLOWED_HOSTS
before this middleware runs), the active language (one of LANGUAGES, whatever Accept-Language says)
and a hash of the path, bounded in length."""

import base64
import hashlib
import os
import re
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.http import http_date

from .generation import current_generation, pinned_generation
from .objects import remember_site
from .registry import view_is_cacheable

CSRF_INPUT_RE = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+(")')
CSRF_HOLE = b"\x00csrf\x00"
NONCE_HOLE = "\x00nonce\x00"
# A response varying on anything else than these is not the same for every anonymous visitor.
ALLOWED_VARY = {"accept-language", "cookie", "accept-encoding"}
# Headers set per response, by the outer middleware or by this one: never stored.
UNSTORED_HEADERS = {"set-cookie", "content-length", "x-page-cache", "etag", "last-modified"}
MAX_PATH_LENGTH = 512
STATUS_HEADER = "X-Page-Cache"


def _page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def cache_key(request, generation: str) -> str | None:
    """The page's key for this request, or None when the request must not use the cache."""
    if request.method != "GET" or request.META.get("QUERY_STRING"):
        return None
    path = request.path
    if len(path) > MAX_PATH_LENGTH or path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES)):
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return None
    if "HTTP_AUTHORIZATION" in request.META:
        return None
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    place = hashlib.md5(
        f"{request.scheme}://{request.get_host()}{path}".encode(), usedforsecurity=False
    ).hexdigest()
    return f"page:{generation}:{language}:{place}"


def _is_personal(request) -> bool:
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return True
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def _view_allows_cache(request) -> bool:
    allowed = getattr(request, "page_cache_allowed", None)
    if allowed is not None:  # a Wagtail page (core.wagtail_hooks.record_page_cache_route)
        return allowed
    match = getattr(request, "resolver_match", None)
    return view_is_cacheable(match.view_name if match else None)


def _is_storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "is_preview", False) or not _view_allows_cache(request):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    if vary - ALLOWED_VARY:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and getattr(messages, "_queued_messages", None):
        return False
    return not _is_personal(request)


def _entry(request, response) -> dict:
    """What the cache keeps of a response: its body and headers with holes for the CSRF tokens and
    the CSP nonce."""
    body = CSRF_INPUT_RE.sub(rb"\1" + CSRF_HOLE + rb"\2", response.content)
    headers = [(k, v) for k, v in response.items() if k.lower() not in UNSTORED_HEADERS]
    nonce = getattr(request, "_csp_nonce", None)
    if isinstance(nonce, str):
        body = body.replace(nonce.encode(), NONCE_HOLE.encode())
        headers = [(k, v.replace(nonce, NONCE_HOLE)) for k, v in headers]
    return {
        "body": body,
        "headers": headers,
        "nonce": isinstance(nonce, str),
        "etag": 'W/"' + hashlib.md5(body, usedforsecurity=False).hexdigest() + '"',
        "stored_at": time.time(),
    }


def _replay(request, entry: dict) -> HttpResponse:
    body = entry["body"]
    if CSRF_HOLE in body:
        parts = body.split(CSRF_HOLE)
        body = parts[0] + b"".join(get_token(request).encode() + part for part in parts[1:])
    headers = entry["headers"]
    if entry["nonce"]:
        nonce = base64.b64encode(os.urandom(16)).decode("ascii")
        body = body.replace(NONCE_HOLE.encode(), nonce.encode())
        headers = [(k, v.replace(NONCE_HOLE, nonce)) for k, v in headers]
    response = HttpResponse(body)
    for name, value in headers:
        response[name] = value
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["stored_at"])
    response[STATUS_HEADER] = "hit"
    _revalidate(response)
    return response


def _revalidate(response) -> None:
    # Browsers keep the page but ask again each time (answered 304 by ETag, ConditionalGetMiddleware):
    # without it, Last-Modified alone lets them show an old copy after a publish.
    patch_cache_control(response, max_age=0, must_revalidate=True)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with pinned_generation():  # one read of the shared generation per request
            return self._serve(request)

    def _serve(self, request):
        if not request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES)):
            remember_site(request)
        if not settings.PAGE_CACHE_ENABLED:
            return self.get_response(request)
        key = cache_key(request, current_generation())
        if key is not None:
            entry = _page_cache().get(key)
            if entry is not None:
                return _replay(request, entry)
        response = self.get_response(request)
        if key is not None and _is_storable(request, response):
            entry = _entry(request, response)
            _page_cache().set(key, entry, timeout=settings.PAGE_CACHE_TIMEOUT)
            response[STATUS_HEADER] = "miss"
            response["ETag"] = entry["etag"]
            response["Last-Modified"] = http_date(entry["stored_at"])
            _revalidate(response)
        elif _is_personal(request) and "no-store" not in response.get("Cache-Control", ""):
            patch_cache_control(response, private=True)
        return response
