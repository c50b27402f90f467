"""The public directory: "qui peut m'aider ?" by commune name, postal code or EPCI; the list with
combinable filters and counts; the map's points; an actor's page; bad input answered in French."""

import json
import re

import pytest

URL = "/annuaire/"


def names(response):
    return re.findall(r'directory-item__title"><a [^>]*>([^<]+)<', response.content.decode())


@pytest.mark.parametrize(
    "typed",
    [
        "Saint-Jean-de-Védas",
        "st jean de vedas",
        "ST-JEAN-DE-VEDAS",
        "34270",
        "Saint-Jean-de-Védas (34430)",
    ],
)
def test_the_facilitator_of_a_commune_is_found_however_it_is_typed(client, actors, typed):
    response = client.get(URL + "facilitateur/", {"commune": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Qui peut m'aider à Saint-Jean-de-Védas\u00a0?" in html
    facilitators = re.findall(
        r"<article class=\"directory-facilitator\">\s*<h3><a[^>]*>([^<]+)", html
    )
    assert facilitators == ["Facilitateur de la Métropole", "Facilitateur du Département"]
    assert "metropole@example.org" in html
    assert "Bâtir Védas" in html


def test_a_postal_code_shared_by_communes_offers_a_choice(client, actors):
    response = client.get(URL + "facilitateur/", {"commune": "34400"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Plusieurs lieux correspondent" in html
    assert "?commune=34145" in html  # Lunel


def test_an_epci_name_finds_its_facilitator(client, actors):
    response = client.get(URL + "facilitateur/", {"commune": "Lunel Agglo"})
    html = response.content.decode()
    assert "Facilitateur du Pays de Lunel" in html
    assert "Facilitateur de la Métropole" not in html


def test_an_unknown_commune_answers_404_with_a_french_message(client, actors):
    response = client.get(URL + "facilitateur/", {"commune": "Licorne-sur-Mer"})
    assert response.status_code == 404
    assert (
        "Aucune commune de l&#x27;Hérault ne correspond à «\u00a0Licorne-sur-Mer\u00a0»"
        in response.content.decode()
    )


def test_commune_suggestions_offer_communes_with_their_postal_code(client, actors):
    results = client.get(URL + "communes/", {"q": "st jean de v"}).json()["results"]
    assert results[0] == {
        "code": "34270",
        "label": "Saint-Jean-de-Védas (34430)",
        "detail": "Montpellier Méditerranée Métropole",
    }


def test_the_list_shows_published_actors_with_counts_per_filter(client, actors):
    response = client.get(URL)
    assert response.status_code == 200
    assert "GEIQ non publié" not in names(response)
    assert len(names(response)) == 5
    html = response.content.decode()
    assert re.search(r'<option value="esat">[^<]*\(1\)</option>', html)
    assert re.search(r'<option value="facilitateur">[^<]*\(3\)</option>', html)


def test_filters_combine_kind_sector_service_territory_and_reserved_contracts(client, actors):
    response = client.get(
        URL,
        {
            "marche": "l2113-12",
            "secteur": "espaces-verts",
            "prestation": "fabrication",
            "territoire": "34145",
        },
    )
    assert names(response) == ["ESAT des Jardins de Lunel"]
    response = client.get(URL, {"type": "ei", "territoire": "34145"})
    assert names(response) == []


@pytest.mark.parametrize(
    "filters",
    [
        {"secteur": "espaces-verts"},
        {"territoire": "34145"},
        {"territoire": "243400520"},
        {"prestation": "fabrication"},
        {"marche": "l2113-12", "secteur": "espaces-verts", "territoire": "34145"},
    ],
)
def test_words_combine_with_every_filter(client, actors, filters):
    response = client.get(URL, {"q": "jardins", **filters})
    assert response.status_code == 200
    assert names(response) == ["ESAT des Jardins de Lunel"]


def test_a_territory_filter_by_epci_includes_actors_serving_one_of_its_communes(client, actors):
    response = client.get(URL, {"territoire": "243400017", "type": "ei"})
    assert names(response) == ["Bâtir Védas"]


def test_full_text_search_finds_actors_by_words(client, actors):
    response = client.get(URL, {"q": "jardins"})
    assert names(response) == ["ESAT des Jardins de Lunel"]


@pytest.mark.parametrize(
    "query",
    [
        {"type": "licorne"},
        {"territoire": "99999"},
        {"page": "abc"},
        {"page": "9999"},
        {"q": '"unbalanced (AND OR'},
        {"q": "x" * 500},
        {"vue": "<script>"},
        {"secteur": "inconnu\x00"},
    ],
)
def test_malformed_query_strings_get_a_french_message_not_an_error(client, actors, query):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert 'class="notice notice--info"' in response.content.decode() or "q" in query


def test_the_map_view_keeps_the_list_and_serves_the_points_of_the_search(client, actors):
    response = client.get(URL, {"vue": "carte", "type": "esat"})
    html = response.content.decode()
    assert "data-directory-map" in html
    assert names(response) == ["ESAT des Jardins de Lunel"]
    assert "herault-communes.geojson" in html
    points = client.get(URL + "points/", {"type": "esat"}).json()
    assert points["total"] == 1
    assert points["points"][0]["url"] == URL + "esat-des-jardins-de-lunel/"


def test_an_actor_page_shows_contacts_territory_and_structured_data(client, actors):
    response = client.get(URL + "esat-des-jardins-de-lunel/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Marchés réservés aux EA et ESAT (art. L2113-12)" in html
    assert "Lunel-Viel" in html  # a commune of Lunel Agglo, listed by name
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["@type"] == "LocalBusiness"
    assert data["identifier"]["value"] == actors["esat"].siret
    assert data["address"]["addressLocality"] == "Lunel"


def test_an_unpublished_or_unknown_actor_is_not_found(client, actors):
    assert client.get(URL + "geiq-non-publie/").status_code == 404
    assert client.get(URL + "personne/").status_code == 404


def test_the_directory_answers_only_get(client, actors):
    assert client.post(URL).status_code == 405
    assert client.post(URL + "facilitateur/").status_code == 405


def test_the_directory_page_leaves_out_the_header_search(client, actors):
    """Issue 14's one search box per page: the directory's own search replaces the header's, and the
    skip link goes to it ("Qui peut m'aider ?" stays: it finds a facilitator, not pages)."""
    text = client.get("/annuaire/").content.decode()
    assert 'id="site-search-q"' not in text
    assert text.count('id="recherche-site"') == 1 and '<a href="#recherche-site">' in text
    assert 'class="directory-search" id="recherche-site"' in text


def test_the_filters_run_once_for_the_page_the_count_and_the_facets(client, actors):
    """The list with three filters reads the matching actors once (their ids), then the page, the
    count and the facets by primary key (profiled: they ran the sector and territory subqueries
    three times each, most of the list's time over 20,000 actors)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    filters = {"type": "esat", "secteur": "espaces-verts", "territoire": "34145"}
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, filters)
    assert names(response) == ["ESAT des Jardins de Lunel"]
    assert "1 acteur" in response.content.decode()
    running_filters = [
        q["sql"]
        for q in queries.captured_queries
        if "directory_actor_sectors" in q["sql"] and '"published"' in q["sql"]
    ]
    assert len(running_filters) == 1
    communes = [q for q in queries.captured_queries if 'FROM "directory_commune"' in q["sql"]]
    assert len([q for q in communes if "'34145'" in q["sql"]]) == 1  # the territory read once


def test_the_facilitator_page_reads_the_territory_once(client, actors):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL + "facilitateur/", {"commune": "Saint-Jean-de-Védas"})
    assert response.status_code == 200
    serving = [
        q["sql"]
        for q in queries.captured_queries
        if "directory_actor_communes" in q["sql"] and '"published"' in q["sql"]
    ]
    assert len(serving) == 1
