"""What the layout of every page reads, kept per generation of the page cache
(core.cache.objects): computed once, forgotten at the next purge, never keyed by a Host that
ALLOWED_HOSTS refuses."""

from django.core.cache import cache

import pytest

from core.cache import cached_per_generation, purge

pytestmark = pytest.mark.django_db


def test_a_value_is_computed_once_per_generation():
    calls = []

    def compute():
        calls.append(1)
        return None  # None is kept too

    assert cached_per_generation("test-value", compute) is None
    assert cached_per_generation("test-value", compute) is None
    assert len(calls) == 1
    purge()
    cached_per_generation("test-value", compute)
    assert len(calls) == 2


def test_the_site_is_found_without_a_query_once_kept(client, home_page, django_assert_num_queries):
    from django.test import RequestFactory

    from wagtail.models import Site

    from core.cache.objects import remember_site

    client.get("/")
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        remember_site(request)
        assert Site.find_for_request(request).root_page.specific.pk == home_page.pk


def test_a_host_allowed_hosts_refuses_leaves_nothing_kept(client, settings, home_page):
    settings.ALLOWED_HOSTS = ["testserver"]
    cache.clear()
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400
    assert not [key for key in cache._cache if ":site:" in key]
    assert client.get("/").status_code == 200
    assert [key for key in cache._cache if ":site:" in key]
