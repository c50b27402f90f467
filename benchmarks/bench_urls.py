"""Benchmark-only URLconf: the product's URLs plus a minimal view, the baseline for every page.

The product's patterns are concatenated rather than include()d: LocaleMiddleware only sees the
i18n_patterns (no language prefix for French) when they sit at the top level of ROOT_URLCONF.
"""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def minimal(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/minimal/", minimal), *site_urlpatterns]
