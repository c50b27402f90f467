"""What the watch's search costs in SQL: every count of the filters in one scan of the results,
the page of results in one more query, however many notices match (benchmarks/bench_tenders.py
measures the time)."""

import collections

from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

import pytest

from core import reference
from core.cache import purge
from tenders.factories import NoticeFactory
from tenders.search import BUYER_OPTIONS, facet_counts, read_params, run_search

TWO_FILTERS = "?type=SERVICES&social=oui"


def notice_queries(captured):
    return [q["sql"] for q in captured if '"tenders_notice"' in q["sql"]]


def make_notices(count, start=0):
    for n in range(start, start + count):
        NoticeFactory(
            buyer_name=f"Acheteur {n % 7}" if n % 9 else "",
            contract_kind=("SERVICES", "TRAVAUX", "FOURNITURES")[n % 3],
            has_social_consideration=bool(n % 2),
            consideration_kinds=["critere-social"] if n % 2 else [],
            commune_code=("34172", "34003", "")[n % 5 % 3],
        )


def watch_notice_queries(client, page):
    client.get(f"{page.url}{TWO_FILTERS}")  # the layout's per-process lookups filled
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"{page.url}{TWO_FILTERS}")
    assert response.status_code == 200
    return notice_queries(captured), response


@pytest.mark.django_db
def test_two_filters_read_the_notices_in_two_queries_however_many_match(client, watch_page):
    make_notices(30)
    few, response = watch_notice_queries(client, watch_page)
    assert response.context["results_page"].paginator.count == 5
    make_notices(120, start=30)
    many, response = watch_notice_queries(client, watch_page)
    assert response.context["results_page"].paginator.count == 25
    # The facets' grouped counts, then the page of results: no COUNT of its own, no
    # query per buyer, commune or notice.
    assert len(few) == len(many) == 2
    assert "GROUP BY" in many[0] and "LIMIT 20" in many[1]


@pytest.mark.django_db
def test_the_counts_of_one_scan_are_those_of_the_results():
    make_notices(150)
    params = read_params(QueryDict("social=oui"))
    facets = facet_counts(params, run_search(params))
    matching = list(run_search(params))
    assert facets.total == len(matching) == 75
    by_name = {facet["name"]: facet for facet in facets}
    buyers = collections.Counter(n.buyer_name for n in matching if n.buyer_name)
    assert [(o["value"], o["count"]) for o in by_name["acheteur"]["options"]] == sorted(
        buyers.items(), key=lambda item: (-item[1], item[0])
    )[:BUYER_OPTIONS]
    kinds = collections.Counter(n.contract_kind for n in matching)
    assert {o["value"]: o["count"] for o in by_name["type"]["options"]} == dict(kinds)
    wide = sum(1 for n in matching if not n.commune_code)
    department = by_name["territoire"]["options"][0]
    assert wide and department["value"] == "34" and department["count"] == wide


@pytest.mark.django_db
def test_the_territories_are_read_once_per_page_cache_generation(
    client, watch_page, herault, monkeypatch
):
    reads = []
    provider = reference._provider
    monkeypatch.setattr(
        provider, "territories", lambda codes=None: reads.append(codes) or herault.TERRITORIES
    )
    make_notices(6)
    for _ in range(3):
        response = client.get(f"{watch_page.url}?territoire={herault.TERRITORIES[4].code}")
        assert response.status_code == 200 and not response.context["search_messages"]
    assert len(reads) == 1
    purge()  # a publish: the names are read again
    client.get(f"{watch_page.url}{TWO_FILTERS}")
    assert len(reads) == 2
