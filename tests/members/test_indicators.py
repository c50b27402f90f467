"""The register's totals offered to the observatory (core.indicators `members.contract-hours`):
the rows' exact keys, hand-computed figures, the year filter, the order, and a query count that
does not grow with the contracts."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from core.indicators import indicator_source
from members.contracts import contract_hours_rows
from members.models import Contract, ContractTerritory, HoursRecord

from .conftest import MONTPELLIER_EPCI, SETE_EPCI

pytestmark = pytest.mark.django_db

KEYS = {"year", "territory_code", "territory", "contracts", "targeted_hours", "achieved_hours"}


def territory_of(title, code):
    contract = Contract.objects.create(title=title, buyer="Préfecture de l'Hérault")
    return ContractTerritory.objects.create(contract=contract, territory_code=code)


@pytest.fixture
def register(db):
    # Contract A: Montpellier 2025 (1000 / 400), 2026 (1200 / 900); Sète 2025 (300 / 300).
    # Contract B: Montpellier 2025 (500 / 250); Sète 2026 (0 / 0, left out).
    # Contract C: an unknown territory code 2026 (80 / 20).
    a_montpellier = territory_of("A", MONTPELLIER_EPCI)
    a_sete = ContractTerritory.objects.create(
        contract=a_montpellier.contract, territory_code=SETE_EPCI
    )
    b_montpellier = territory_of("B", MONTPELLIER_EPCI)
    b_sete = ContractTerritory.objects.create(
        contract=b_montpellier.contract, territory_code=SETE_EPCI
    )
    c_unknown = territory_of("C", "34999")
    for territory, year, targeted, achieved in [
        (a_montpellier, 2025, 1000, 400),
        (a_montpellier, 2026, 1200, 900),
        (a_sete, 2025, 300, 300),
        (b_montpellier, 2025, 500, 250),
        (b_sete, 2026, 0, 0),
        (c_unknown, 2026, 80, 20),
    ]:
        HoursRecord.objects.create(
            territory=territory, year=year, targeted=targeted, achieved=achieved
        )


def test_the_source_is_registered_with_its_label():
    source = indicator_source("members.contract-hours")
    assert source is not None
    assert source.label == "Heures d'insertion des marchés multi-territoriaux et de l'État"
    assert source.rows is contract_hours_rows


def test_rows_by_year_then_territory_with_hand_computed_totals(register, fake_reference):
    rows = indicator_source("members.contract-hours").rows()
    assert all(set(row) == KEYS for row in rows)
    assert rows == [
        {
            "year": 2025,
            "territory_code": MONTPELLIER_EPCI,
            "territory": "Montpellier Méditerranée Métropole",
            "contracts": 2,
            "targeted_hours": 1500,
            "achieved_hours": 650,
        },
        {
            "year": 2025,
            "territory_code": SETE_EPCI,
            "territory": "Sète Agglopôle Méditerranée",
            "contracts": 1,
            "targeted_hours": 300,
            "achieved_hours": 300,
        },
        {
            "year": 2026,
            "territory_code": "34999",
            "territory": "34999",
            "contracts": 1,
            "targeted_hours": 80,
            "achieved_hours": 20,
        },
        {
            "year": 2026,
            "territory_code": MONTPELLIER_EPCI,
            "territory": "Montpellier Méditerranée Métropole",
            "contracts": 1,
            "targeted_hours": 1200,
            "achieved_hours": 900,
        },
    ]
    assert all(
        type(row[key]) is int
        for row in rows
        for key in ("year", "contracts", "targeted_hours", "achieved_hours")
    )


def test_one_year_only(register, fake_reference):
    rows = contract_hours_rows(year=2025)
    assert [(row["territory_code"], row["contracts"]) for row in rows] == [
        (MONTPELLIER_EPCI, 2),
        (SETE_EPCI, 1),
    ]
    assert contract_hours_rows(year=2019) == []


def test_an_empty_register_gives_no_row(db, fake_reference):
    assert contract_hours_rows() == []


def test_one_query_whatever_the_number_of_contracts(register, fake_reference):
    with CaptureQueriesContext(connection) as few:
        contract_hours_rows()
    for n in range(20):
        HoursRecord.objects.create(
            territory=territory_of(f"D{n}", SETE_EPCI), year=2027, targeted=10, achieved=5
        )
    with CaptureQueriesContext(connection) as many:
        rows = contract_hours_rows()
    assert len(many) == len(few) == 1  # the names come from the fake reference (no SQL)
    assert rows[-1] == {
        "year": 2027,
        "territory_code": SETE_EPCI,
        "territory": "Sète Agglopôle Méditerranée",
        "contracts": 20,
        "targeted_hours": 200,
        "achieved_hours": 100,
    }
