"""What the hub's search with words costs (never cached whole: a query string): SQL queries counted
once a worker has kept the layout's fragments and the objects of the generation (core.cache), never
timed (benchmarks/ has the timings)."""

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


def test_a_search_with_words_costs_the_match_the_page_and_the_facets(
    client, kept_fragments, hub, resources, django_assert_num_queries
):
    """One full-text match, the page of results, the facets (the page's own columns, then each
    of the three taxonomies): the editors' picks (core.search.promotions), the taxonomies' names,
    the view restrictions, the routing, the layout and each result's highlighted text are kept."""
    url = f"{hub.url}?q=clause+insertion"
    client.get(url)
    with django_assert_num_queries(6):
        response = client.get(url)
    assert "<mark>" in response.content.decode()


def test_a_filtered_search_reads_its_filters_without_a_query(
    client, kept_fragments, hub, resources, taxonomy, django_assert_num_queries
):
    """The same (the editors' picks answer words without filters: not looked up), the filters'
    slugs read from the taxonomies kept."""
    url = f"{hub.url}?q=clause&theme={taxonomy.insertion.slug}&public={taxonomy.buyers.slug}"
    client.get(url)
    with django_assert_num_queries(6):
        response = client.get(url)
    assert response.context["params"].filters == {
        "theme": taxonomy.insertion.slug,
        "public": taxonomy.buyers.slug,
    }
