"""Misspelt words (core.search.spelling): a hub or site search that finds nothing is searched again as
the index spells its words, says so, and offers the words as typed; Elasticsearch matches with
fuzziness AUTO. On SQLite and PostgreSQL."""

import datetime

from django.http import QueryDict

from wagtail.search.backends import get_search_backend

import pytest

from config.search import elasticsearch_backend
from core.search.spelling import edit_distance
from resources.search import read_params, run_search

from .conftest import make_resource

DAY = datetime.date(2024, 3, 1)


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("insertion", "insertion", 0),
        ("insertoin", "insertion", 1),  # two letters swapped
        ("blanchiserie", "blanchisserie", 1),  # a letter missing
        ("charpante", "charpente", 1),  # a letter wrong
        ("jurisprudance", "jurisprudence", 1),
        ("nettoyaeg", "nettoyage", 1),
        ("lexiqe", "lexique", 1),
        ("marche", "mairie", 3),
    ],
)
def test_edit_distance_counts_a_swap_as_one_edit(a, b, distance):
    assert edit_distance(a, b, 2) == min(distance, 3)


@pytest.fixture
def laundry(hub, locales):
    return make_resource(
        hub,
        "Marchés de blanchisserie",
        "Un marché réservé de blanchisserie et de nettoyage.",
        "La jurisprudence admet la clause d'insertion et la numérisation des archives.",
        DAY,
    )


def entries(response):
    return [entry["page"].pk for entry in response.context["entries"]]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("blanchiserie", "blanchisserie"),
        ("jurisprudance", "jurisprudence"),
        ("clause d'insertoin", "clause d'insertion"),
        ("marché de netoyage", "marché de nettoyage"),
        # The stem "numeris" drops the five letters of "-ation": a letter missing from them.
        ("numérisaton", "numérisation"),
    ],
)
def test_a_misspelt_word_finds_what_the_right_word_finds(client, hub, laundry, typed, meant):
    response = client.get(hub.url, {"q": typed})
    assert entries(response) == [laundry.pk]
    assert response.context["search_query"] == meant
    content = response.content.decode()
    assert "data-search-correction" in content
    assert f"Résultats pour <em>{meant}</em>".replace("'", "&#x27;") in content
    assert f"rechercher plutôt <em>{typed}</em>".replace("'", "&#x27;") in content
    assert "exact=1" in content


def test_the_words_as_typed_are_searched_without_correction_on_request(client, hub, laundry):
    response = client.get(hub.url, {"q": "blanchiserie", "exact": "1"})
    assert entries(response) == []
    assert "data-search-correction" not in response.content.decode()
    assert "Aucune ressource pour" in response.content.decode()


def test_a_word_with_no_close_spelling_finds_nothing(client, hub, laundry):
    response = client.get(hub.url, {"q": "football"})
    assert entries(response) == []
    assert "data-search-correction" not in response.content.decode()


def test_a_correction_that_still_finds_nothing_is_not_offered(hub, laundry):
    # "blanchiserie" alone would be corrected, "football" has no close word: nothing to show.
    params = read_params(QueryDict("q=blanchiserie+football"), hub.locale)
    assert not run_search(hub, params)
    assert params.query == "blanchiserie football" and not params.corrected_from


def test_a_short_or_known_word_is_not_corrected(hub, laundry):
    params = read_params(QueryDict("q=marche"), hub.locale)
    run_search(hub, params)
    assert not params.corrected_from


def test_the_site_search_corrects_a_misspelt_word(client, hub, laundry):
    response = client.get("/recherche/", {"q": "blanchiserie"})
    content = response.content.decode()
    assert "Résultats pour <em>blanchisserie</em>" in content
    assert "Marchés de <mark>blanchisserie</mark>" in content


def test_elasticsearch_also_matches_each_word_with_fuzziness_auto(hub, laundry):
    params = elasticsearch_backend("http://127.0.0.1:9", "test_")
    backend = get_search_backend(params.pop("BACKEND"), **params)
    results = run_search(hub, read_params(QueryDict("q=blanchiserie"), hub.locale), backend)
    query = str(results.query_compiler.get_query())
    assert "'fuzziness': 'AUTO'" in query
    # The exact words are matched too (each match once exact, once fuzzy), so that they rank above
    # the fuzzy matches.
    assert query.count("blanchiserie") == 2 * query.count("'fuzziness': 'AUTO'")


def test_a_search_that_finds_nothing_offers_the_same_with_fewer_words(client, hub, laundry):
    """ "Essayez avec…": no correction helps "zygomatique", so the hub offers the search without it,
    with its count, and the link keeps the filters."""
    response = client.get(hub.url, {"q": "blanchisserie zygomatique", "nature": "guide"})
    assert entries(response) == []
    assert response.context["alternatives"] == []  # the filter leaves nothing either way
    response = client.get(hub.url, {"q": "blanchisserie zygomatique"})
    assert entries(response) == []
    (other,) = response.context["alternatives"]
    assert other["query"] == "blanchisserie" and other["count"] == 1
    assert other["url"] == "?q=blanchisserie"
    content = response.content.decode()
    assert "Essayez avec\u00a0:" in content
    assert (
        '<a href="?q=blanchisserie">«\u00a0blanchisserie\u00a0»</a> (1\u00a0ressource)' in content
    )
    assert entries(client.get(hub.url + other["url"])) == [laundry.pk]


def test_the_site_search_offers_the_same_with_fewer_words(client, hub, laundry):
    response = client.get("/recherche/", {"q": "nettoyage zygomatique"})
    content = response.content.decode()
    assert "Aucun résultat pour" in content
    assert '<a href="?q=nettoyage">«\u00a0nettoyage\u00a0»</a> (1\u00a0résultat)' in content
