"""Query-count guards of the directory's pages: the list (plain, filtered, map view), the facilitator
of a commune and of an EPCI, and the map's points read a fixed number of queries, whatever the number
of actors, their contacts, sectors and territories (no query per actor), and no more than a plain
content page plus what their counts need."""

from django.db import connection

import pytest

from directory.factories import ActorFactory, ContactFactory

from .conftest import LUNEL_AGGLO, MONTPELLIER_METRO

URL = "/annuaire/"

PAGES = [
    ("list", URL, {}),
    ("filtered list", URL, {"type": "ei", "secteur": "batiment", "territoire": "34270"}),
    ("map view", URL, {"vue": "carte", "type": "esat"}),
    ("facilitator of a commune", URL + "facilitateur/", {"commune": "Saint-Jean-de-Védas"}),
    ("facilitator of an EPCI", URL + "facilitateur/", {"commune": LUNEL_AGGLO}),
    ("map points", URL + "points/", {}),
]
# Directory queries on top of the plain page's (site, page tree, settings): the search and the
# facets' counts (kinds with services, sectors, EPCI, sector and EPCI lists), or the territory's
# three ways of serving and the facilitators with their contacts.
EXTRA_QUERIES = 16


def count_queries(client, url, data):
    """The queries of one request (an execute wrapper: the test client's request_started resets
    connection.queries)."""
    queries = []

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        response = client.get(url, data)
    assert response.status_code == 200
    return len(queries)


def more_actors(number):
    from directory.models import EPCI, Commune, Sector

    metro = EPCI.objects.get(pk=MONTPELLIER_METRO)
    building = Sector.objects.get(slug="batiment")
    vedas = Commune.objects.get(pk="34270")
    for n in range(number):
        actor = ActorFactory(
            name=f"Bâtir Védas {n}",
            kind="ei" if n % 2 else "facilitateur",
            commune=vedas,
            latitude=43.6,
            longitude=3.87,
            communes=[vedas, "34172"],
            epcis=[metro],
            sectors=[building],
        )
        ContactFactory(actor=actor)
        ContactFactory(actor=actor)


@pytest.mark.parametrize("name,url,data", PAGES, ids=[page[0] for page in PAGES])
def test_the_directory_pages_read_a_fixed_number_of_queries(
    client, actors, content_page, name, url, data
):
    client.get(content_page.url)  # caches warmed (site root paths, settings, menus)
    plain = count_queries(client, content_page.url, {})
    client.get(url, data)
    before = count_queries(client, url, data)
    more_actors(12)
    client.get(url, data)
    after = count_queries(client, url, data)
    assert after == before, f"{name}: {before} queries with 6 actors, {after} with 18"
    assert before <= plain + EXTRA_QUERIES, f"{name}: {before} queries, the plain page {plain}"
