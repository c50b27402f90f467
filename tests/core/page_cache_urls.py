"""A URLconf for tests/core/test_page_cache.py: the site's URLs, plus a cacheable view that uses the
CSP nonce (as the agenda's event pages do) so that the test can watch what a cached copy does with it."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def nonce_view(request):
    return HttpResponse(
        f'<script type="application/ld+json" nonce="{request.csp_nonce}">{{}}</script>'
    )


urlpatterns = [path("test-nonce/", nonce_view, name="test_nonce"), *site_urlpatterns]
