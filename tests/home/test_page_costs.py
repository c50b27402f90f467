"""What the home page and a content page cost past the page cache (a query string, a logged-in
editor): once a worker has kept the layout's fragments and objects of the generation
(core.cache), SQL queries counted, never timed (benchmarks/ has the timings)."""

from django.core.cache import caches

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept_fragments(settings):
    """The page cache and its fragments switched on (off in the tests' settings), empty."""
    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def test_the_home_page_past_the_page_cache_makes_no_query(
    client, kept_fragments, home_page, content_page, django_assert_num_queries
):
    client.get("/?nocache=1")
    with django_assert_num_queries(0):
        response = client.get("/?nocache=1")
    assert "La clause sociale dans l" in response.content.decode()


def test_a_content_page_past_the_page_cache_makes_no_query(
    client, kept_fragments, content_page, django_assert_num_queries
):
    url = f"{content_page.url}?nocache=1"
    client.get(url)
    with django_assert_num_queries(0):
        response = client.get(url)
    assert "Les marchés réservés aux structures" in response.content.decode()


def test_an_english_content_page_past_the_page_cache_makes_no_query(
    client, kept_fragments, english_content_page, django_assert_num_queries
):
    url = f"{english_content_page.url}?nocache=1"
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200
