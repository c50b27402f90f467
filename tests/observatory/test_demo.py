"""The demo figures: ten years, nine facilitators, 2016 and 2017 as the mission published them."""

from collections import Counter

import pytest

from core.reference import Structure
from observatory.demo import build_operations
from observatory.demo.data import YEAR_TOTALS

from . import conftest
from .conftest import BEZIERS_AGGLO, METROPOLE


@pytest.fixture
def operations(monkeypatch):
    facilitators = [
        Structure(
            n,
            f"Facilitateur {n}",
            "facilitateur",
            "Facilitateur",
            frozenset([METROPOLE if n % 2 else BEZIERS_AGGLO]),
        )
        for n in range(1, 10)
    ]
    monkeypatch.setattr(conftest, "STRUCTURES", facilitators)
    return build_operations(facilitators)


def test_ten_years_nine_facilitators_published_totals(operations):
    approved = [o for o in operations if o.status == "approved"]
    assert sorted({o.year for o in approved}) == list(range(2016, 2026))
    assert len({o.facilitator_id for o in approved}) == 9
    hours = Counter()
    for o in approved:
        hours[o.year] += o.hours_achieved
    assert hours[2016] == 387_000
    assert hours[2017] == 370_000
    assert dict(hours) == YEAR_TOTALS
    assert all(o.is_demo for o in operations)


def test_every_demo_operation_passes_the_checks(db, operations):
    for operation in operations:
        operation.full_clean()  # the same checks as the admin and the import
    assert {o.status for o in operations if o.year == 2016} == {"approved"}
    # The year after: two facilitators' first figures, submitted, not public.
    pending = [o for o in operations if o.year == 2026]
    assert {o.status for o in pending} == {"submitted"}
    assert len({o.facilitator_id for o in pending}) == 2
    assert {o.status for o in operations if o.year == 2025} == {"approved"}
