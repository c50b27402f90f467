"""Other apps' figures on the observatory's pages, read through core.indicators only: the DECP
shares (`tenders.social-considerations`) and the network's contract hours
(`members.contract-hours`), registered here with hand-made rows of each source's documented shape;
figures computed by hand below."""

import csv
import io
import json
from html import unescape

import pytest

from core import indicators as registry
from core.indicators import register_indicator_source

pytestmark = pytest.mark.django_db

DECP_ROWS = [
    # year, kind, division, contracts, with a social consideration
    (2023, "commune", "Commune", "45", 10, 4),
    (2024, "commune", "Commune", "45", 8, 2),
    (2024, "commune", "Commune", "90", 2, 2),
    (2024, "epci", "EPCI", "45", 10, 1),
    (2024, "epci", "EPCI", "", 5, 0),
]
HOURS_ROWS = [
    (2023, "34172", "Montpellier", 3, 1000, 900),
    (2024, "34172", "Montpellier", 2, 1500, 1200),
    (2024, "34032", "Béziers", 4, 2000, 2100),
]


def decp_rows(year=None):
    return [
        {
            "year": y,
            "buyer_kind": kind,
            "buyer_kind_label": label,
            "cpv_division": division,
            "contracts": contracts,
            "with_social_consideration": social,
            "social_clause": social,
            "social_criterion": 0,
            "reserved": 0,
            "share": social / contracts,
        }
        for y, kind, label, division, contracts, social in DECP_ROWS
        if year is None or y == year
    ]


def hours_rows(year=None):
    return [
        {
            "year": y,
            "territory_code": code,
            "territory": name,
            "contracts": contracts,
            "targeted_hours": targeted,
            "achieved_hours": achieved,
        }
        for y, code, name, contracts, targeted, achieved in HOURS_ROWS
        if year is None or y == year
    ]


@pytest.fixture
def sources(monkeypatch):
    monkeypatch.setattr(registry, "_SOURCES", {})
    register_indicator_source(
        "tenders.social-considerations",
        "Marchés notifiés avec une considération sociale",
        decp_rows,
    )
    register_indicator_source("members.contract-hours", "Heures des marchés du réseau", hours_rows)
    register_indicator_source("autre.source", "Source inconnue de l'observatoire", hours_rows)


@pytest.fixture
def empty_sources(monkeypatch):
    monkeypatch.setattr(registry, "_SOURCES", {})
    register_indicator_source(
        "tenders.social-considerations", "Marchés notifiés DECP", lambda year=None: []
    )
    register_indicator_source("members.contract-hours", "Heures du réseau", lambda year=None: [])


def section(html, chart_id):
    """The table of chart `chart_id`, as [[cell text]] per body row."""
    part = html.split(f'id="{chart_id}-heading"')[1].split("</table>")[0]
    body = part.split("<tbody>")[1]
    rows = []
    for row in body.split("<tr>")[1:]:
        cells = []
        for cell in row.replace("<th", "<td").split("<td")[1:]:
            cells.append(cell.split(">", 1)[1].split("</")[0])
        rows.append(cells)
    return rows


def test_decp_shares_by_year_kind_of_buyer_and_division(client, sources, observatory_page):
    html = unescape(client.get(observatory_page.url).content.decode())
    assert "Marchés notifiés avec une considération sociale" in html
    # 2023: 4 / 10 = 40 %; 2024: (2 + 2 + 1 + 0) / (8 + 2 + 10 + 5) = 5 / 25 = 20 %.
    assert section(html, "graphique-decp-annees") == [
        ["2023", "10", "4", "40,0\u202f%"],
        ["2024", "25", "5", "20,0\u202f%"],
    ]
    # Communes: 8 / 20 = 40 %; EPCI: 1 / 15 = 6,7 %.
    assert section(html, "graphique-decp-acheteurs") == [
        ["Commune", "20", "8", "40,0\u202f%"],
        ["EPCI", "15", "1", "6,7\u202f%"],
    ]
    # Division 45: 7 / 28 = 25 %; 90: 2 / 2 = 100 %; none given: 0 / 5.
    assert section(html, "graphique-decp-cpv") == [
        ["Division 45", "28", "7", "25,0\u202f%"],
        ["Division 90", "2", "2", "100,0\u202f%"],
        ["Non renseignée", "5", "0", "0,0\u202f%"],
    ]


def test_indicator_charts_are_accessible_svg(client, sources, observatory_page):
    html = unescape(client.get(observatory_page.url).content.decode())
    # Three DECP charts and two of the network's hours, each with its text and table.
    assert html.count('role="img"') == 5
    assert html.count("<caption id=") == 5
    assert 'aria-labelledby="graphique-decp-cpv-title graphique-decp-cpv-desc"' in html
    assert '<desc id="graphique-decp-annees-desc">' in html
    assert "La plus élevée\xa0: 2023, 40,0 %" in html
    assert "url(#graphique-reseau-annees-hatch)" in html
    # A source the observatory has no presentation for is not shown.
    assert "Source inconnue de l'observatoire" not in html


def test_network_hours_by_year_and_territory(client, sources, observatory_page):
    html = unescape(client.get(observatory_page.url).content.decode())
    # 2024: 2 + 4 contracts, 1 500 + 2 000 targeted, 1 200 + 2 100 achieved.
    assert section(html, "graphique-reseau-annees") == [
        ["2023", "3", "1\xa0000", "900"],
        ["2024", "6", "3\xa0500", "3\xa0300"],
    ]
    # Montpellier over both years: 2 500 targeted, 2 100 achieved; Béziers 2 000 and 2 100.
    assert section(html, "graphique-reseau-territoires") == [
        ["Béziers", "2\xa0000", "2\xa0100"],
        ["Montpellier", "2\xa0500", "2\xa0100"],
    ]
    assert "les nombres de marchés des années ne s'additionnent pas" in html


def test_the_year_filter_applies_to_the_indicators(client, sources, observatory_page):
    html = unescape(client.get(observatory_page.url, {"annee": "2023"}).content.decode())
    assert section(html, "graphique-decp-annees") == [["2023", "10", "4", "40,0\u202f%"]]
    assert section(html, "graphique-reseau-territoires") == [["Montpellier", "1\xa0000", "900"]]
    assert "Ces indicateurs suivent le filtre d'année (2023)" in html
    assert "indicateurs/decp/csv/?annee=2023" in html


def test_a_source_without_rows_says_so(client, empty_sources, observatory_page):
    html = unescape(client.get(observatory_page.url).content.decode())
    assert "Aucun marché notifié (DECP) n'est importé pour cette sélection." in html
    assert "Aucun marché suivi par le réseau n'est enregistré pour cette sélection." in html
    assert 'role="img"' not in html
    assert "indicateurs/reseau/csv/" not in html


def test_the_watch_s_own_source_is_read_with_no_contract(client, observatory_page):
    # The registry as the apps filled it: the watch's source, no DECP contract imported.
    html = unescape(client.get(observatory_page.url).content.decode())
    assert "Aucun marché notifié (DECP) n'est importé pour cette sélection." in html


def test_indicator_csv_and_json_downloads(client, sources, observatory_page):
    base = f"{observatory_page.url}indicateurs/reseau/"
    response = client.get(base + "csv/", {"annee": "2024"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="observatoire-reseau-2024.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(row["territory"], row["achieved_hours"]) for row in rows] == [
        ("Montpellier", "1200"),
        ("Béziers", "2100"),
    ]
    document = json.loads(client.get(base + "json/").content)
    assert document["licence"] == "Licence Ouverte / Etalab 2.0"
    assert document["source"] == "members.contract-hours"
    assert [field["name"] for field in document["schema"]["fields"]] == [
        "year",
        "territory_code",
        "territory",
        "contracts",
        "targeted_hours",
        "achieved_hours",
    ]
    assert sum(row["achieved_hours"] for row in document["donnees"]) == 4200
    decp = json.loads(client.get(f"{observatory_page.url}indicateurs/decp/json/").content)
    assert len(decp["donnees"]) == 5
    assert decp["donnees"][0]["share"] == 0.4


def test_unknown_or_unregistered_indicator_is_a_404(client, sources, observatory_page):
    assert client.get(f"{observatory_page.url}indicateurs/autre-source/csv/").status_code == 404
    assert client.get(f"{observatory_page.url}indicateurs/inconnue/json/").status_code == 404
    registry._SOURCES.pop("members.contract-hours")
    response = client.get(f"{observatory_page.url}indicateurs/reseau/csv/")
    assert response.status_code == 404
