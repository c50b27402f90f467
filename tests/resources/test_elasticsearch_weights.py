"""Elasticsearch weighs fields as the database backends do, from settings.SEARCH_FIELD_WEIGHTS
(core.search.backends.elasticsearch): title 1.0, summary 0.5, body 0.25, attachments and taxonomy
0.1 give boosts 4, 2, 1 and 0.4 relative to the body, in the mapping and in the query. No live
Elasticsearch here: the mapping and the compiled query are read (live tests: ELASTICSEARCH_URL)."""

from django.http import QueryDict

from wagtail.search.backends import get_search_backend

from config.search import elasticsearch_backend
from core.search.backends.elasticsearch import WeightedMapping, boost
from resources.models import ResourcePage
from resources.search import read_params, run_search


def backend():
    params = elasticsearch_backend("http://127.0.0.1:9", "test_")
    return get_search_backend(params.pop("BACKEND"), **params)


def test_the_boosts_are_the_settings_weights_relative_to_the_body(settings):
    assert boost("title") == 4 and boost("summary") == 2 and boost("body") is None
    assert boost("attachments_text") == 0.4 and boost("taxonomy_text") == 0.4
    settings.SEARCH_FIELD_WEIGHTS = {**settings.SEARCH_FIELD_WEIGHTS, "summary": 0.75}
    assert boost("summary") == 3


def test_the_mapping_copies_each_field_into_the_boost_field_of_its_weight():
    properties = WeightedMapping(ResourcePage).get_mapping()["properties"]
    copies = {name: spec.get("copy_to") for name, spec in properties.items() if "copy_to" in spec}
    by_suffix = {name.rsplit("__", 1)[-1]: copy for name, copy in copies.items()}
    # Wagtail's Page gives the title boost 2 and the resource page the summary 2: the project's
    # weights replace both.
    assert by_suffix["title"] == ["_all_text", "_all_text_boost_4_0"]
    assert by_suffix["summary"] == ["_all_text", "_all_text_boost_2_0"]
    assert by_suffix["body"] == "_all_text"
    assert by_suffix["attachments_text"] == ["_all_text", "_all_text_boost_0_4"]
    assert "_all_text_boost_2_0" in properties and "_all_text_boost_4_0" in properties


def test_the_query_searches_each_weight_with_its_boost(hub):
    results = run_search(hub, read_params(QueryDict("q=insertion"), hub.locale), backend())
    query = results.query_compiler.get_query()
    # The hub's query (each word exact and fuzzy) is compiled field by field under a dis_max: one
    # branch per field, each match carrying its field's boost.
    (branches,) = [value["queries"] for value in walk(query, "dis_max")]
    boosts = {}
    for branch in branches:
        for match in walk(branch, "match"):
            ((field, spec),) = match.items()
            boosts.setdefault(field, set()).add(spec.get("boost", 1.0))
    assert boosts == {
        "_all_text": {1.0},
        "_all_text_boost_4_0": {4.0},
        "_all_text_boost_2_0": {2.0},
        "_all_text_boost_0_4": {0.4},
    }


def walk(node, key):
    """Every value under `key` in a nested query."""
    if isinstance(node, dict):
        for name, value in node.items():
            if name == key:
                yield value
            yield from walk(value, key)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value, key)
