"""The hub search runs its full-text match once, reads the page, the count and the facets from the
matching ids, weighs titles, and asks Elasticsearch for every facet in one request."""

import datetime
from collections import Counter

from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from wagtail.search.backends import get_search_backend

import pytest

from core.search.matching import ELASTICSEARCH_FACET_SIZE, MatchedObjects, elasticsearch_facets
from resources.search import FACETS, base_queryset, facet_counts, read_params, run_search

from .conftest import make_resource


def full_text_matches(queries):
    marker = "@@" if connection.vendor == "postgresql" else " MATCH "
    return [query["sql"] for query in queries if marker in query["sql"]]


def test_a_search_with_filters_and_facets_matches_the_text_once(resources, hub):
    params = read_params(QueryDict("q=insertion+clause&theme=clause-insertion"), hub.locale)
    with CaptureQueriesContext(connection) as queries:
        results = run_search(hub, params)
        page = list(results[:10])
        total = results.count()
        facets = facet_counts(hub, params, results)
    assert isinstance(results, MatchedObjects)
    assert page and total == len(page)
    assert {option["count"] for facet in facets for option in facet["options"]}
    assert len(full_text_matches(queries.captured_queries)) == 1


@pytest.mark.parametrize(
    "querystring", ["q=march%C3%A9", "q=clause", "q=insertion&theme=clause-insertion"]
)
def test_facet_counts_are_those_of_the_matching_resources(resources, hub, querystring):
    params = read_params(QueryDict(querystring), hub.locale)
    results = run_search(hub, params)
    pages = list(results[: results.count()])
    assert pages
    expected = {name: Counter() for name in FACETS}
    for page in pages:
        expected["nature"][page.kind] += 1
        expected["annee"][str(page.year)] += 1
        expected["theme"].update(theme.slug for theme in page.themes.all())
        expected["public"].update(audience.slug for audience in page.audiences.all())
        expected["reference"].update(reference.slug for reference in page.legal_references.all())
    counted = {
        facet["name"]: {option["value"]: option["count"] for option in facet["options"]}
        for facet in facet_counts(hub, params, results)
    }
    assert counted == {name: dict(counter) for name, counter in expected.items()}


def test_matched_resources_slice_like_a_list(resources, hub):
    params = read_params(QueryDict("q=march%C3%A9&tri=date"), hub.locale)
    results = run_search(hub, params)
    everything = list(results)
    assert len(everything) == results.count() >= 3
    assert [page.date for page in everything] == sorted(
        (page.date for page in everything), reverse=True
    )
    assert results[1] == everything[1]
    assert results[1:3] == everything[1:3]
    assert results[100:110] == []


def test_a_word_in_the_title_outranks_the_same_word_in_the_text(hub, taxonomy):
    day = datetime.date(2024, 1, 1)
    in_text = make_resource(
        hub,
        "Note sur les achats",
        "Une note sur les achats publics.",
        "Le sourcing aide à connaître les entreprises. " * 3,
        day,
    )
    in_title = make_resource(
        hub,
        "Le sourcing avant le marché",
        "Une note sur les achats publics.",
        "Connaître les entreprises avant de rédiger le marché, une fois.",
        day,
    )
    params = read_params(QueryDict("q=sourcing"), hub.locale)
    assert list(run_search(hub, params)) == [in_title, in_text]


@pytest.mark.sqlite
def test_sqlite_runs_the_match_once_even_without_statistics(resources, hub):
    """No ANALYZE since the load: the plan must still read the FTS5 match once, and the title-only
    match (the resources whose title holds every word first) once, never per index entry (a `=M`
    index is a match re-run for one rowid)."""
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS sqlite_stat1")
    params = read_params(QueryDict("q=insertion+clause&theme=clause-insertion"), hub.locale)
    with CaptureQueriesContext(connection) as queries:
        assert run_search(hub, params).count() == 1
    (statement,) = full_text_matches(queries.captured_queries)
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {statement}")
        plan = [row[-1] for row in cursor.fetchall()]
    fts_steps = [step for step in plan if "VIRTUAL TABLE" in step]
    assert len(fts_steps) == 2, plan
    assert not any(":=M" in step for step in fts_steps), plan


@pytest.mark.postgres
def test_postgresql_has_a_gin_index_on_the_expression_the_backend_matches(resources, hub):
    """Migration home 0003 indexes `title || body`, the very expression of the backend's match."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            ["wagtailsearch_indexentry_title_body_gin"],
        )
        (definition,) = cursor.fetchone()
    assert "USING gin (((title || body)))" in definition
    params = read_params(QueryDict("q=insertion"), hub.locale)
    matches = get_search_backend().search("insertion", base_queryset(hub, params), operator="and")
    plan = matches.get_queryset().values_list("pk", flat=True).explain()
    assert "((title || body) @@ " in plan


class RecordingElasticsearch:
    """Stands for the Elasticsearch client: records the request, answers with buckets."""

    def __init__(self):
        self.requests = []

    def search(self, **request):
        self.requests.append(request)
        buckets = {
            "kind": [{"key": "guide", "doc_count": 3}],
            "year": [{"key": 2024, "doc_count": 2}, {"key": 2021, "doc_count": 1}],
            "themes": [{"key": 7, "doc_count": 3}],
            "audiences": [],
            "legal_references": [{"key": 4, "doc_count": 1}],
        }
        return {"aggregations": {name: {"buckets": items} for name, items in buckets.items()}}


def test_elasticsearch_counts_every_facet_in_one_request(resources, hub):
    from config.search import elasticsearch_backend

    options = elasticsearch_backend("http://localhost:9200", "test_")
    backend = get_search_backend(options.pop("BACKEND"), **options)
    backend.es = RecordingElasticsearch()
    params = read_params(QueryDict("q=insertion&annee=2024"), hub.locale)
    results = run_search(hub, params, backend=backend)
    fields = [page_field for page_field, _model in FACETS.values()]

    counts = elasticsearch_facets(results, fields)

    assert len(backend.es.requests) == 1
    request = backend.es.requests[0]
    assert request["size"] == 0
    aggregations = request["aggregations"]
    assert set(aggregations) == set(fields)
    assert {agg["terms"]["size"] for agg in aggregations.values()} == {ELASTICSEARCH_FACET_SIZE}
    assert aggregations["year"]["terms"]["field"].endswith("year_filter")
    assert "2024" in str(request["query"]) and "insertion" in str(request["query"])
    assert counts["year"] == {2024: 2, 2021: 1}
    assert counts["audiences"] == {}
