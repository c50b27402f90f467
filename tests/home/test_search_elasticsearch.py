"""Against a live Elasticsearch 9 at ELASTICSEARCH_URL (deselected by tests/conftest.py when it is not
set): the French analyzer folds accents, removes elisions and stems plurals."""

import os
import uuid

from wagtail.search.backends import get_search_backend

import pytest

from config.search import elasticsearch_backend
from home.models import ContentPage

pytestmark = pytest.mark.elasticsearch


@pytest.fixture
def live_elasticsearch(content_page):
    params = elasticsearch_backend(os.environ["ELASTICSEARCH_URL"], f"test_{uuid.uuid4().hex}_")
    backend = get_search_backend(params.pop("BACKEND"), **params)
    index = backend.get_index_for_model(ContentPage)
    index.reset()
    index.add_model(ContentPage)
    backend.add(content_page)
    index.refresh()
    try:
        yield backend
    finally:
        index.delete()


def titles(results):
    return [page.title for page in results]


def test_elasticsearch_finds_a_page_by_a_word_of_its_body(live_elasticsearch):
    assert titles(live_elasticsearch.search("insertion", ContentPage)) == ["Les marchés réservés"]


def test_elasticsearch_folds_accents_and_stems_french(live_elasticsearch):
    assert titles(live_elasticsearch.search("reserves", ContentPage)) == ["Les marchés réservés"]


def test_elasticsearch_finds_the_singular_of_a_plural(live_elasticsearch):
    results = live_elasticsearch.search("marché réservé", ContentPage, operator="and")
    assert titles(results) == ["Les marchés réservés"]


def test_elasticsearch_removes_elisions(live_elasticsearch):
    # The body says "l'emploi"; the elision filter indexes "emploi".
    assert titles(live_elasticsearch.search("emploi", ContentPage)) == ["Les marchés réservés"]
