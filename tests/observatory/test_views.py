"""The public pages and downloads: only approved figures, accessible SVG charts with their tables,
filters in the URL, malformed query strings answered without an error."""

import csv
import io
import json

import pytest

from .conftest import METROPOLE

pytestmark = pytest.mark.django_db


def test_the_page_shows_approved_figures_only(client, figures, observatory_page):
    response = client.get(observatory_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Chiffres clés de 2024" in html
    assert "1\u202f500" in html or "1 500" in html or "1\xa0500" in html
    assert "+87,5" in html or "87,5" in html
    # The submitted and draft operations reach no part of the page.
    assert "Acheteur transmis" not in html and "Acheteur brouillon" not in html
    assert "77" + "\u202f777" not in html and "77 777" not in html and "77\xa0777" not in html


def test_charts_are_accessible_svg_with_their_tables(client, figures, observatory_page):
    html = client.get(observatory_page.url).content.decode()
    assert "<canvas" not in html
    assert html.count('role="img"') == 7
    assert 'aria-labelledby="graphique-heures-annees-title graphique-heures-annees-desc"' in html
    assert '<title id="graphique-secteurs-title">Heures réalisées par secteur</title>' in html
    assert '<desc id="graphique-secteurs-desc">' in html
    assert html.count("<caption id=") == 7
    # The second series is told apart by a hatching pattern, not by colour alone.
    assert "url(#graphique-heures-annees-hatch)" in html
    assert "additionnent pas" in html


def test_filters_in_the_url(client, figures, observatory_page):
    html = client.get(
        observatory_page.url, {"annee": "2024", "secteur": "proprete"}
    ).content.decode()
    assert "Chiffres clés de 2024" in html
    assert 'value="proprete" selected' in html
    assert "Réhabilitation" not in html
    assert "donnees/secteurs/csv/?annee=2024&amp;secteur=proprete" in html
    html = client.get(observatory_page.url, {"territoire": METROPOLE}).content.decode()
    assert "Béziers" not in html.split("graphique-territoires-heading")[1]


@pytest.mark.parametrize(
    "query",
    [
        "annee=abcd",
        "annee=99999999999999999999",
        "territoire=%3Cscript%3Ealert(1)%3C/script%3E",
        "secteur=plomberie&clause=inconnue",
        "annee=2024&annee=deux",
        "annee=%00",
    ],
)
def test_malformed_query_strings_get_a_french_message(client, figures, observatory_page, query):
    response = client.get(observatory_page.url + "?" + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "inconnu" in html or "pas valable" in html


def test_csv_and_json_downloads_of_approved_figures(client, figures, observatory_page):
    response = client.get(observatory_page.url + "donnees/annees/csv/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["annee"], r["heures_realisees"]) for r in rows] == [
        ("2023", "800"),
        ("2024", "1500"),
    ]
    response = client.get(observatory_page.url + "donnees/secteurs/json/", {"annee": "2024"})
    document = json.loads(response.content)
    assert document["licence"] == "Licence Ouverte / Etalab 2.0"
    assert document["filtres"]["annee"] == 2024
    assert [f["name"] for f in document["schema"]["fields"]] == [
        "code",
        "libelle",
        "heures_realisees",
        "participants",
        "marches",
    ]
    by_code = {row["code"]: row for row in document["donnees"]}
    # B (1000 h) only: D (submitted, 300 h) and E (draft) are left out.
    assert by_code["btp"]["heures_realisees"] == 1000
    assert sum(row["heures_realisees"] for row in document["donnees"]) == 1500
    assert document["donnees_de_demonstration"] is False


def test_unknown_table_is_a_404(client, figures, observatory_page):
    assert client.get(observatory_page.url + "donnees/personnes/csv/").status_code == 404


def test_demo_figures_are_marked(client, observatory_page):
    from .conftest import operation

    operation(is_demo=True, participants=1, public_other=1)
    html = client.get(observatory_page.url).content.decode()
    assert "Données de démonstration." in html


def test_methodology_page_documents_the_schema(client, figures, observatory_page):
    response = client.get(observatory_page.url + "methodologie/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Licence Ouverte / Etalab 2.0" in html
    assert "<code>marches</code>" in html
    assert "DECP" in html


def test_english_page(client, figures, observatory_page, english_home, locales):
    from tests.conftest import publish_translation

    english = publish_translation(observatory_page, locales.en)
    response = client.get(english.url)
    assert response.status_code == 200
    assert 'role="img"' in response.content.decode()


def test_the_home_page_shows_the_key_figure(client, figures, observatory_page):
    html = client.get("/").content.decode()
    assert "L'observatoire en un chiffre" in html
    assert "heures d'insertion réalisées en 2024" in html


def test_digest_source(figures, observatory_page, locales):
    from core.digest import digest_items

    items = digest_items("observatory", locales.fr, 3)
    assert len(items) == 1
    assert "2024" in items[0].title and items[0].full_url.endswith("/observatoire/")


def test_key_figures_are_written_with_french_digit_grouping(client, figures, observatory_page):
    """1500 hours read "1 500" (a non-breaking space), as in the charts, not "1500"."""
    content = client.get(observatory_page.url).content.decode()
    assert '<span class="obs-key__value">1\u00a0500</span>' in content
    home = client.get("/").content.decode()
    assert "<strong>1\u00a0500</strong> heures" in home


def test_figures_are_computed_once_then_follow_every_change(client, figures, observatory_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from observatory.models import Operation

    with CaptureQueriesContext(connection) as first:
        client.get(observatory_page.url)
    with CaptureQueriesContext(connection) as second:
        assert "Chiffres clés de 2024" in client.get(observatory_page.url).content.decode()
    # Again: no query on the operations (the figures come from the cache).
    assert any("observatory_operation" in query["sql"] for query in first.captured_queries)
    assert not any("observatory_operation" in query["sql"] for query in second.captured_queries)
    # A saved operation (signal), then a status update() (no signal): both reach the page.
    operation = Operation.objects.get(pk=figures.b.pk)
    operation.hours_achieved = 2000
    operation.save()
    html = client.get(observatory_page.url).content.decode()
    assert "2\u202f500" in html or "2\xa0500" in html
    Operation.objects.filter(pk=figures.d.pk).update(status="approved")
    from observatory.caching import figures_changed

    figures_changed()
    html = client.get(observatory_page.url).content.decode()
    # 2 000 + 500 + D's 300.
    assert "2\u202f800" in html or "2\xa0800" in html
