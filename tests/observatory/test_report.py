"""The yearly report as PDF, read back with pypdf: the approved year's key figures, its charts'
tables and the other sources' indicators, marked when it holds demonstration data."""

import io

import pytest
from pypdf import PdfReader

from core import indicators as registry
from core.indicators import register_indicator_source

from .conftest import operation

pytestmark = pytest.mark.django_db


def pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    # Lines wrap, and French digit grouping and typography use no-break spaces: compare words
    # separated by plain spaces.
    return " ".join(text.split()), reader


def test_the_report_holds_the_year_s_key_figures_and_tables(client, figures, observatory_page):
    response = client.get(f"{observatory_page.url}rapport-annuel/2024/")
    assert 'filename="observatoire-rapport-2024.pdf"' in response["Content-Disposition"]
    text, reader = pdf_text(response)
    assert "rapport annuel 2024" in text
    assert "Chiffres clés de 2024" in text
    # B 1 000 h + C 500 h (D submitted and E a draft are left out); 2023: A 800 h, so +87,5 %.
    assert "1 500" in text
    flat = text.replace("\n", " ").replace("\u00a0", " ")
    assert "+87,5 % par rapport à 2023" in flat
    # Participants: B 5 + C 2; contracts: M1 and B7.
    assert "Données du graphique « Participants par public »" in text
    assert "77 777" not in text and "Acheteur brouillon" not in text
    assert "Données de démonstration" not in text
    assert "rapport annuel 2024" in reader.metadata.title


def test_the_report_includes_the_indicators_of_its_year(
    client, figures, observatory_page, monkeypatch
):
    monkeypatch.setattr(registry, "_SOURCES", {})
    rows = [
        {
            "year": year,
            "buyer_kind": "commune",
            "buyer_kind_label": "Commune",
            "cpv_division": "45",
            "contracts": contracts,
            "with_social_consideration": social,
            "social_clause": social,
            "social_criterion": 0,
            "reserved": 0,
            "share": social / contracts,
        }
        for year, contracts, social in [(2023, 10, 9), (2024, 8, 2)]
    ]
    register_indicator_source(
        "tenders.social-considerations",
        "Marchés notifiés DECP",
        lambda year=None: [row for row in rows if year is None or row["year"] == year],
    )
    text, _reader = pdf_text(client.get(f"{observatory_page.url}rapport-annuel/2024/"))
    # 2024 alone: 2 / 8 = 25 %; 2023's 90 % is not in the 2024 report.
    assert "Marchés notifiés DECP" in text
    assert "25,0 %" in text
    assert "90,0 %" not in text


def test_a_demo_report_says_so(client, observatory_page):
    operation(is_demo=True, year=2023, participants=1, public_other=1)
    text, _reader = pdf_text(client.get(f"{observatory_page.url}rapport-annuel/2023/"))
    assert "Données de démonstration" in text


def test_a_year_without_approved_figures_has_no_report(client, figures, observatory_page):
    assert client.get(f"{observatory_page.url}rapport-annuel/2022/").status_code == 404
    assert client.get(f"{observatory_page.url}rapport-annuel/0000/").status_code == 404
    assert client.get(f"{observatory_page.url}rapport-annuel/deux/").status_code == 404


def test_the_page_links_each_approved_year_s_report(client, figures, observatory_page):
    html = client.get(observatory_page.url).content.decode()
    assert html.count("Télécharger le rapport annuel (PDF)") == 2
    assert f'href="{observatory_page.url}rapport-annuel/2024/"' in html
    assert f'href="{observatory_page.url}rapport-annuel/2023/"' in html


def test_a_change_is_written_with_its_sign_as_a_french_reader_expects():
    from django.utils import translation

    from observatory.stats import KeyFigures

    with translation.override("fr"):
        assert KeyFigures.signed(87.5) == "+87,5"
        assert KeyFigures.signed(-1.1) == "\u22121,1"
        assert KeyFigures.signed(0) == "0"
        assert KeyFigures.signed(12.0) == "+12"
        assert KeyFigures.signed(None) is None


def test_a_chart_of_one_value_says_one_value():
    from django.utils import translation

    from observatory.charts import describe

    with translation.override("fr"):
        assert ", 1 valeur. " in describe("Part par année", ["2025"], [48.3], "%")
        assert ", 2 valeurs. " in describe("Part par année", ["2024", "2025"], [40, 48.3], "%")
