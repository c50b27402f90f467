"""The larger demo: a few hundred generated notices (national and eForms records, every detection
reason), and notified contracts over three years for the observatory's shares, all marked as
examples and loaded again without change."""

from django.utils import timezone

import pytest

from tenders.demo import load_example_contracts, load_example_notices
from tenders.indicators import social_consideration_shares
from tenders.models import BuyerKind, Contract, Notice

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_data(db):
    today = timezone.localdate()
    load_example_notices(today=today, generated=True)
    load_example_contracts(today=today)
    return today


def test_the_generated_notices_cover_every_detection_reason(demo_data):
    notices = Notice.objects.all()
    assert notices.count() == 320
    assert not notices.filter(is_example=False).exists()
    assert not notices.exclude(url="").exists()
    kinds = {kind for n in notices for kind in n.consideration_kinds}
    assert kinds == {
        "critere-social",
        "marche-reserve",
        "condition-execution",
        "critere-attribution",
        "achat-social",
    }
    assert notices.filter(source_format="eforms").count() == 60
    assert notices.filter(lacks_required_consideration=True).count() >= 10
    assert notices.filter(has_social_consideration=False).count() >= 60
    reasons = " ".join(r["reason"] for n in notices for r in n.reasons)
    assert "BT-71" in reasons and "BT-736" in reasons and "BT-775" in reasons


def test_the_example_contracts_feed_the_observatory_over_three_years(demo_data):
    contracts = Contract.objects.all()
    assert contracts.count() == 360
    assert not contracts.filter(is_example=False).exists()
    # The buyers' names come from their notices, and their kinds from the names.
    assert {c.buyer_kind for c in contracts} >= {
        BuyerKind.EPCI,
        BuyerKind.DEPARTMENT,
        BuyerKind.COMMUNE,
        BuyerKind.HOSPITAL,
        BuyerKind.SOCIAL_HOUSING,
    }
    rows = social_consideration_shares()
    assert {row["year"] for row in rows} == {demo_data.year - 2, demo_data.year - 1, demo_data.year}
    shares = [row["share"] for row in rows]
    assert min(shares) < 0.5 < max(shares)


def test_loading_the_demo_again_changes_nothing(demo_data):
    assert load_example_notices(today=demo_data, generated=True) == 0
    assert load_example_contracts(today=demo_data) == 0
