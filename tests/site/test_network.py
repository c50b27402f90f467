"""The network's groups exist after migrate, and core.network answers for any app from the provider
the members' space registers (nobody is a member without one)."""

from django.contrib.auth.models import Group

import pytest

from core import network
from core.network import COORDINATION, FACILITATORS, NETWORK, Membership
from core.permissions import configure_editor_groups, declared_permissions


@pytest.mark.django_db
def test_the_network_groups_exist_after_migrate_with_exactly_what_the_apps_declare():
    configure_editor_groups()
    declared = declared_permissions()
    for name in (NETWORK, FACILITATORS, COORDINATION):
        group = Group.objects.get(name=name)
        given = {
            f"{app}.{codename}"
            for app, codename in group.permissions.values_list(
                "content_type__app_label", "codename"
            )
        }
        assert given == declared[name]
    # The network's members read the site; only facilitators enter figures in the admin.
    assert "wagtailadmin.access_admin" not in declared[NETWORK]


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
