"""Rate limits of the public forms (django-ratelimit, counted per visitor's address) and the page
shown once a limit is passed."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from django_ratelimit.core import is_ratelimited


def over_limit(request: HttpRequest, group: str, rate: str) -> bool:
    """Count one POST of `group` for the visitor's address; True once `rate` is passed."""
    return is_ratelimited(request, group=group, key="ip", rate=rate, method="POST", increment=True)


def rate_limited(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 429 page (also django-ratelimit's view for a `Ratelimited` exception)."""
    return render(request, "429.html", status=429)


def client_ip(request: HttpRequest) -> str | None:
    """The visitor's address, read where the deployment says (RATELIMIT_IP_META_KEY behind a proxy)."""
    key = settings.RATELIMIT_IP_META_KEY or "REMOTE_ADDR"
    value = request.META.get(key, "") or ""
    return value.split(",")[0].strip() or None
