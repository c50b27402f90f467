"""The demo network: `load_demo_content` creates one member per group with the demo password and
prints their accounts like the admin's."""

import io

from django.core.management import call_command

import pytest

from core import network
from members.models import Contract, MembersPage

pytestmark = pytest.mark.django_db


def test_demo_members_are_created_and_printed(monkeypatch, settings, tmp_path):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "mot-de-passe-de-demonstration")
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    text = out.getvalue()
    for username in ("membre-reseau", "facilitatrice", "coordination"):
        assert f"identifiant : {username}  mot de passe : mot-de-passe-de-demonstration" in text
    from django.contrib.auth import get_user_model

    users = {
        u.username: u
        for u in get_user_model().objects.filter(
            username__in=["membre-reseau", "facilitatrice", "coordination"]
        )
    }
    assert network.is_member(users["membre-reseau"])
    assert network.is_coordination(users["coordination"])
    assert network.membership(users["facilitatrice"]).territory_codes
    assert MembersPage.objects.filter(locale__language_code="en").exists()
    assert Contract.objects.count() == 1


def test_the_demo_facilitator_met_two_buyers_with_a_follow_up_to_come(monkeypatch):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from members.meetings import open_follow_ups
    from members.models import BuyerMeeting

    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "mot-de-passe-de-demonstration")
    call_command("load_demo_content", stdout=io.StringIO())
    call_command("load_demo_content", stdout=io.StringIO())  # idempotent
    facilitator = get_user_model().objects.get(username="facilitatrice")
    meetings = BuyerMeeting.objects.order_by("-date")
    assert [m.buyer for m in meetings] == [
        "Commune de Lodève (exemple)",
        "Hérault Habitat (exemple)",
    ]
    assert all(facilitator in m.participants.all() for m in meetings)
    assert meetings[0].follow_up_on > timezone.localdate() and not meetings[0].follow_up_done
    assert list(open_follow_ups(facilitator)) == [meetings[0]]
