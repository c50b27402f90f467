"""Aggregations against figures computed by hand from the `figures` fixture: only A, B and C are
approved. A (2023) and B (2024) are the same two-year contract M1."""

from observatory import stats
from observatory.stats import Filters

from .conftest import METROPOLE


def rows(table):
    return {row.get("annee", row.get("code")): row for row in table.rows}


def test_by_year_counts_only_approved_and_contracts_per_year(figures):
    table = rows(stats.by_year(stats.approved_operations(Filters())))
    assert table[2023] == {
        "annee": 2023,
        "heures_prevues": 1000,
        "heures_realisees": 800,
        "participants": 4,
        "operations": 1,
        "marches": 1,
    }
    # B and C: 1000 + 500 hours, 5 + 2 participants, two contracts (D submitted, E draft left out).
    assert table[2024] == {
        "annee": 2024,
        "heures_prevues": 1800,
        "heures_realisees": 1500,
        "participants": 7,
        "operations": 2,
        "marches": 2,
    }


def test_contract_counts_are_not_added_up_across_years(figures):
    sectors = rows(stats.by_sector(stats.approved_operations(Filters())))
    # M1 is in 2023 and in 2024: 1800 hours over both years, but one contract, not two.
    assert sectors["btp"]["heures_realisees"] == 1800
    assert sectors["btp"]["participants"] == 9
    assert sectors["btp"]["marches"] == 1
    assert sectors["proprete"] == {
        "code": "proprete",
        "libelle": "Propreté et nettoyage",
        "heures_realisees": 500,
        "participants": 2,
        "marches": 1,
    }
    years = stats.by_year(stats.approved_operations(Filters()))
    assert sum(years.values("marches")) == 3  # what adding the years up would wrongly say


def test_shares_by_public_and_clause(figures):
    publics = rows(stats.by_public(stats.approved_operations(Filters())))
    assert publics["long_term_jobseekers"]["participants"] == 3
    assert publics["rsa"]["participants"] == 4
    assert publics["under_26"]["participants"] == 2
    assert publics["siae"]["participants"] == 2
    assert publics["other"]["participants"] == 0  # D's and E's are not approved
    clauses = rows(stats.by_clause(stats.approved_operations(Filters(year=2024))))
    assert clauses["attribution"]["heures_realisees"] == 1500
    assert "execution" not in clauses


def test_key_figures_of_the_last_approved_year_and_change(figures):
    key = stats.key_figures()
    assert (key.year, key.hours, key.participants, key.contracts) == (2024, 1500, 7, 2)
    assert key.previous_year == 2023
    assert key.hours_change == 87.5  # (1500 - 800) / 800
    assert key.participants_change == 75.0  # (7 - 4) / 4


def test_an_epci_takes_in_its_communes(figures):
    table = rows(stats.by_year(stats.approved_operations(Filters(territory=METROPOLE))))
    assert table[2023]["heures_realisees"] == 800
    assert table[2024]["heures_realisees"] == 1000
    territories = rows(stats.by_territory(stats.approved_operations(Filters())))
    assert territories["34172"]["libelle"] == "Montpellier"


def test_nothing_approved_means_no_key_figures(db):
    assert stats.key_figures() is None


def test_wrong_filters_are_dropped_with_a_french_message():
    from django.http import QueryDict

    filters = stats.read_filters(
        QueryDict("annee=20x4&territoire=%3Cscript%3E&secteur=plomberie&clause=" + "z" * 500)
    )
    assert not filters.is_filtered
    assert len(filters.messages) == 4
    assert "n'est pas valable" in filters.messages[0]
