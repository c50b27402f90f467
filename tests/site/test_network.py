"""The network's groups exist after migrate, and core.network answers for any app from the provider
the members' space registers (nobody is a member without one)."""

from django.contrib.auth.models import Group

import pytest

from core import network
from core.network import COORDINATION, FACILITATORS, NETWORK, Membership
from core.permissions import configure_editor_groups


@pytest.mark.django_db
def test_the_network_groups_exist_after_migrate_without_admin_access():
    configure_editor_groups()
    for name in (NETWORK, FACILITATORS, COORDINATION):
        group = Group.objects.get(name=name)
        assert not group.permissions.filter(codename="access_admin").exists()


@pytest.mark.django_db
def test_membership_is_asked_of_the_registered_provider(django_user_model, monkeypatch):
    user = django_user_model.objects.create_user(username="facilitatrice", password="x" * 20)
    monkeypatch.setattr(network, "_provider", None)
    assert network.membership(user) is None
    assert network.territory_codes(user) == frozenset()

    known = Membership(structure_id=3, territory_codes=frozenset({"34172"}))
    monkeypatch.setattr(network, "_provider", lambda person: known if person == user else None)
    assert network.is_member(user)
    assert network.territory_codes(user) == {"34172"}
    assert known.covers("34172") and not known.covers("34003")
    assert not network.is_coordination(user)
    assert Membership(coordination=True).covers("34003")

    user.is_active = False
    assert network.membership(user) is None
