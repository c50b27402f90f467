"""The observatory's figures: core.indicators, the registry the observatory reads without importing
any app, and the yearly shares of the Hérault buyers' notified contracts that the watch registers
there (tenders.indicators, counted from the DECP files the importer read)."""

import pytest

from core import indicators
from core.indicators import indicator_source, indicator_sources, register_indicator_source
from tenders.decp_import import run_decp_import
from tenders.indicators import INDICATOR_KEY, social_consideration_shares


@pytest.fixture
def empty_registry(monkeypatch):
    monkeypatch.setattr(indicators, "_SOURCES", {})


def test_a_registered_source_is_listed_by_key_and_called_with_a_year(empty_registry):
    register_indicator_source("zeta", "Zêta", lambda year=None: [{"year": year}])
    register_indicator_source("alpha", "Alpha", lambda year=None: [])
    assert [source.key for source in indicator_sources()] == ["alpha", "zeta"]
    assert indicator_source("zeta").label == "Zêta"
    assert indicator_source("zeta").rows(year=2025) == [{"year": 2025}]
    assert indicator_source("inconnue") is None


def test_registering_a_key_again_replaces_its_source(empty_registry):
    register_indicator_source("cle", "Avant", lambda year=None: [])
    register_indicator_source("cle", "Après", lambda year=None: [{"n": 1}])
    assert [(s.key, s.label) for s in indicator_sources()] == [("cle", "Après")]


def test_the_watch_registers_its_shares_for_the_observatory():
    source = indicator_source(INDICATOR_KEY)
    assert source is not None
    assert source.rows is social_consideration_shares
    assert "considération sociale" in str(source.label)


@pytest.fixture
def contracts(db, decp_server, decp_client):
    run_decp_import(decp_server.url("decp-2025.json"), client=decp_client)
    run_decp_import(decp_server.url("decp-flat.json"), client=decp_client)
    run_decp_import(decp_server.url("decp-consolidated.csv"), client=decp_client)


def _row(rows, year, kind, division):
    [row] = [
        r for r in rows if (r["year"], r["buyer_kind"], r["cpv_division"]) == (year, kind, division)
    ]
    return row


def test_the_shares_are_counted_by_year_kind_of_buyer_and_cpv_division(contracts):
    rows = social_consideration_shares()
    assert {r["year"] for r in rows} == {2024, 2025}
    assert sum(r["contracts"] for r in rows) == 9
    commune_2024 = [r for r in rows if (r["year"], r["buyer_kind"]) == (2024, "commune")]
    assert {(r["cpv_division"], r["contracts"], r["share"]) for r in commune_2024} == {
        ("39", 1, 0.0),
        ("45", 1, 1.0),
    }
    housing = _row(rows, 2025, "logement-social", "90")
    assert (housing["contracts"], housing["with_social_consideration"]) == (1, 0)
    assert housing["buyer_kind_label"] == "Bailleurs sociaux"
    hospital = _row(rows, 2025, "sante", "55")
    assert (hospital["social_clause"], hospital["social_criterion"], hospital["reserved"]) == (
        1,
        1,
        0,
    )
    assert hospital["share"] == 1.0


def test_the_shares_of_one_year(contracts):
    rows = social_consideration_shares(year=2024)
    assert {r["year"] for r in rows} == {2024}
    assert sum(r["contracts"] for r in rows) == 2
    assert indicator_source(INDICATOR_KEY).rows(year=2024) == rows


def test_the_shares_are_counted_in_one_query(contracts, django_assert_num_queries):
    with django_assert_num_queries(1):
        social_consideration_shares()


def test_no_contract_gives_no_row(db):
    assert social_consideration_shares() == []
