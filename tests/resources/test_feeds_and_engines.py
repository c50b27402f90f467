"""Feeds, autocomplete, and what the Elasticsearch 9 backend would index and send (built from the
settings without a server; live tests run where ELASTICSEARCH_URL is set)."""

import os
import uuid

from django.http import QueryDict

from wagtail.search.backends import get_search_backend

import pytest
from defusedxml import ElementTree

from config.search import elasticsearch_backend
from resources.models import ResourcePage
from resources.search import base_queryset, read_params, run_search

ATOM = "{http://www.w3.org/2005/Atom}"


def test_rss_feed_lists_the_resources_newest_first(client, resources, hub):
    response = client.get(hub.url + "flux/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ElementTree.fromstring(response.content)
    titles = [item.findtext("title") for item in root.iter("item")]
    assert titles[0] == "Marchés réservés aux entreprises adaptées et ESAT"
    assert len(titles) == 4


def test_atom_feed_of_a_filtered_search_keeps_its_filters(client, resources, hub):
    response = client.get(hub.url + "flux/atom/", {"q": "insertion", "public": "entreprises"})
    root = ElementTree.fromstring(response.content)
    titles = sorted(entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry"))
    assert titles == [
        "Clause d'insertion dans les marchés de bâtiment",
        "Réserver un marché aux SIAE",
    ]
    assert "q=insertion" in root.find(f"{ATOM}link").get("href")


def test_hub_page_shows_the_feed_url_of_the_current_search(client, resources, hub):
    response = client.get(hub.url, {"q": "insertion", "theme": "clause-insertion"})
    assert (
        f'href="{hub.url}flux/rss/?q=insertion&amp;theme=clause-insertion"'
        in response.content.decode()
    )


def test_autocomplete_suggests_titles_by_their_first_letters(client, resources, hub):
    response = client.get(hub.url + "suggestions/", {"q": "bâtim"})
    assert response.json()["results"] == [
        {
            "title": "Clause d'insertion dans les marchés de bâtiment",
            "url": resources.insertion_building.url,
        }
    ]


def test_autocomplete_needs_two_characters(client, resources, hub):
    assert client.get(hub.url + "suggestions/", {"q": "b"}).json() == {"results": []}


def test_resource_page_shows_its_metadata_and_related_resources(client, resources):
    response = client.get(resources.reserved_disability.url)
    content = response.content.decode()
    assert response.status_code == 200
    assert "CCP L2113-12" in content
    assert "Réserver un marché aux SIAE" in content  # same theme
    assert "Adresse permanente" in content


@pytest.fixture
def es_backend():
    params = elasticsearch_backend("http://127.0.0.1:9", "test_")
    return get_search_backend(params.pop("BACKEND"), **params)


def test_elasticsearch_mapping_has_the_filters_and_the_document_text(es_backend):
    mapping = es_backend.mapping_class(ResourcePage).get_mapping()
    properties = mapping["properties"]
    names = set(properties)
    for name in ("kind", "year", "date", "themes", "audiences", "legal_references"):
        assert any(key.endswith(f"{name}_filter") for key in names), name
    assert any(key.endswith("attachments_text") for key in names)
    assert any(key.endswith("summary") for key in names)


def test_elasticsearch_index_settings_use_the_french_analyzer(es_backend):
    analysis = es_backend.settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"]["filter"][-1] == "french_stemmer"


def test_elasticsearch_query_has_all_words_and_the_filters(resources, hub, es_backend):
    params = read_params(
        QueryDict("q=march%C3%A9+r%C3%A9serv%C3%A9&nature=guide&annee=2021"), hub.locale
    )
    results = run_search(hub, params, backend=es_backend)
    query = results.query_compiler.get_query()
    text = str(query)
    assert "'operator': 'and'" in text
    assert "marché réservé" in text
    assert "'guide'" in text and "2021" in text


def test_elasticsearch_theme_filter_goes_through_page_ids(resources, hub, es_backend):
    params = read_params(QueryDict("q=insertion&theme=marches-reserves"), hub.locale)
    results = run_search(hub, params, backend=es_backend)
    text = str(results.query_compiler.get_query())
    assert "translation_key_filter" in text
    assert str(resources.reserved_siae.translation_key) in text
    assert str(resources.reserved_disability.translation_key) in text
    assert str(resources.insertion_building.translation_key) not in text


@pytest.mark.elasticsearch
def test_live_elasticsearch_finds_filters_and_counts(resources, hub):
    params = elasticsearch_backend(os.environ["ELASTICSEARCH_URL"], f"test_{uuid.uuid4().hex}_")
    backend = get_search_backend(params.pop("BACKEND"), **params)
    index = backend.get_index_for_model(ResourcePage)
    index.reset()
    index.add_model(ResourcePage)
    for page in base_queryset(hub, read_params(QueryDict(""), hub.locale)):
        backend.add(page)
    index.refresh()
    try:
        params = read_params(QueryDict("q=marches+reserves"), hub.locale)
        results = run_search(hub, params, backend=backend)
        assert {page.title for page in results} == {
            "Marchés réservés aux entreprises adaptées et ESAT",
            "Réserver un marché aux SIAE",
        }
        assert results.facet("year") == {2024: 1, 2021: 1}
    finally:
        index.delete()
