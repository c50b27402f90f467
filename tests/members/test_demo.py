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
