"""The coordination's management of members: the list (name, structure, territories, role, last
login, active), changing role and territories, deactivating and reactivating, every change logged;
nobody else reaches it (404)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from core.network import COORDINATION, FACILITATORS, NETWORK
from members.models import Contract, ContractChange, Member, MemberChange

from .conftest import MONTPELLIER_EPCI, PASSWORD, SETE_EPCI

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordination_client(client, coordinator, verified_login):
    verified_login(client, coordinator)
    return client


def detail_url(user):
    return reverse("members:member", kwargs={"pk": user.network_member.pk})


def group_names(user):
    return set(user.groups.values_list("name", flat=True))


def test_the_list_shows_each_member(coordination_client, facilitator, member, fake_reference):
    facilitator.last_login = None
    member.is_active = False
    member.save()
    response = coordination_client.get(reverse("members:members"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fanny" in html and "Louise" in html and "Claire" in html
    assert "PLIE de Montpellier" in html
    assert "Montpellier Méditerranée Métropole" in html
    assert "Facilitateur ou facilitatrice d&#x27;un territoire" in html
    assert "Équipe de coordination MICS 34" in html
    assert "désactivé" in html
    assert "jamais" in html  # Fanny never signed in; Claire did (shown as a French date)
    assert f'href="{reverse("members:members")}"' in html  # in the space's navigation


def test_the_list_does_not_query_per_member(coordination_client, make_member, fake_reference):
    url = reverse("members:members")
    coordination_client.get(url)
    with CaptureQueriesContext(connection) as few:
        coordination_client.get(url)
    for n in range(6):
        make_member(f"membre{n}", "facilitator", [SETE_EPCI], structure_id=9)
    with CaptureQueriesContext(connection) as many:
        response = coordination_client.get(url)
    assert response.content.decode().count("Maison de l&#x27;emploi de Sète") == 6
    assert len(many) <= len(few)


@pytest.mark.parametrize("who", ["facilitator", "member"])
def test_other_members_get_a_404(client, request, who, fake_reference):
    person = request.getfixturevalue(who)
    target = request.getfixturevalue("coordinator")
    client.post(reverse("members:login"), {"username": person.username, "password": PASSWORD})
    pk = target.network_member.pk
    assert client.get(reverse("members:members")).status_code == 404
    assert client.get(reverse("members:member", kwargs={"pk": pk})).status_code == 404
    assert (
        client.post(reverse("members:member", kwargs={"pk": pk}), {"role": "network"}).status_code
        == 404
    )
    assert client.post(reverse("members:member_deactivate", kwargs={"pk": pk})).status_code == 404
    target.refresh_from_db()
    assert target.is_active
    assert group_names(target) == {NETWORK, COORDINATION}
    assert not MemberChange.objects.exists()
    assert (
        f'href="{reverse("members:members")}"'
        not in client.get(reverse("members:home")).content.decode()
    )


def test_anonymous_is_sent_to_the_login(client, member):
    response = client.get(reverse("members:members"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:login"))


def test_a_superuser_who_is_not_a_member_manages_members(
    client, django_user_model, member, verified_login, fake_reference
):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    verified_login(client, admin)
    assert client.get(reverse("members:members")).status_code == 200
    client.post(detail_url(member), {"role": "facilitator", "territories": [SETE_EPCI]})
    assert group_names(member) == {NETWORK, FACILITATORS}
    assert MemberChange.objects.get().by == admin


def test_changing_role_and_territories_is_logged(
    coordination_client, coordinator, facilitator, fake_reference
):
    response = coordination_client.post(
        detail_url(facilitator),
        {"role": "network", "structure": "9", "territories": [SETE_EPCI, MONTPELLIER_EPCI]},
    )
    assert response.status_code == 302
    assert group_names(facilitator) == {NETWORK}
    profile = Member.objects.get(user=facilitator)
    assert profile.structure_id == 9
    assert profile.territory_codes == sorted([SETE_EPCI, MONTPELLIER_EPCI])
    change = MemberChange.objects.get()
    assert (change.user, change.by) == (facilitator, coordinator)
    assert "rôle : Facilitateur ou facilitatrice d'un territoire → Membre du réseau" in (
        change.description
    )
    assert "structure : Maison de l'emploi de Sète" in change.description
    assert "Sète Agglopôle Méditerranée" in change.description
    page = coordination_client.get(detail_url(facilitator)).content.decode()
    assert "Claire" in page and "rôle : Facilitateur" in page


def test_making_a_member_coordination(coordination_client, member, fake_reference):
    coordination_client.post(detail_url(member), {"role": "coordination"})
    assert group_names(member) == {NETWORK, COORDINATION}


def test_saving_unchanged_logs_nothing(coordination_client, facilitator, fake_reference):
    coordination_client.post(
        detail_url(facilitator),
        {"role": "facilitator", "structure": "7", "territories": [MONTPELLIER_EPCI]},
    )
    assert not MemberChange.objects.exists()


def test_bad_input_is_refused_in_french_and_nothing_is_saved(
    coordination_client, facilitator, fake_reference
):
    response = coordination_client.post(
        detail_url(facilitator), {"role": "chef", "territories": ["99999"], "structure": "123"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ce rôle n&#x27;existe pas." in html
    assert "Le territoire « 99999 » n&#x27;existe pas dans l&#x27;annuaire." in html
    assert "Cette structure n&#x27;existe pas dans l&#x27;annuaire." in html
    assert group_names(facilitator) == {NETWORK, FACILITATORS}
    assert Member.objects.get(user=facilitator).territory_codes == [MONTPELLIER_EPCI]
    assert not MemberChange.objects.exists()


def test_an_unknown_member_is_a_404(coordination_client):
    assert (
        coordination_client.get(reverse("members:member", kwargs={"pk": 9999})).status_code == 404
    )


def test_the_coordination_cannot_change_its_own_role(
    coordination_client, coordinator, fake_reference
):
    response = coordination_client.post(detail_url(coordinator), {"role": "network"})
    assert response.status_code == 400
    assert "Vous ne pouvez pas changer votre propre rôle " in response.content.decode()
    assert COORDINATION in group_names(coordinator)


def test_deactivated_member_cannot_sign_in_and_keeps_their_history(
    client, coordination_client, coordinator, facilitator, fake_reference
):
    contract = Contract.objects.create(title="Nettoyage", buyer="Région")
    ContractChange.objects.create(contract=contract, user=facilitator, description="Heures 2026")
    other = client.__class__()
    other.post(reverse("members:login"), {"username": "fanny", "password": PASSWORD})
    assert other.get(reverse("members:home")).status_code == 200

    response = coordination_client.post(
        reverse("members:member_deactivate", kwargs={"pk": facilitator.network_member.pk})
    )
    assert response.status_code == 302
    facilitator.refresh_from_db()
    assert not facilitator.is_active
    assert ContractChange.objects.get().user == facilitator
    assert MemberChange.objects.get().description == "Compte désactivé."
    # The open session is no longer recognised, and signing in again is refused.
    assert other.get(reverse("members:home")).status_code == 302
    fresh = client.__class__()
    refused = fresh.post(reverse("members:login"), {"username": "fanny", "password": PASSWORD})
    assert refused.status_code == 200
    assert "_auth_user_id" not in fresh.session

    coordination_client.post(
        reverse("members:member_reactivate", kwargs={"pk": facilitator.network_member.pk})
    )
    facilitator.refresh_from_db()
    assert facilitator.is_active
    assert [c.description for c in MemberChange.objects.order_by("pk")] == [
        "Compte désactivé.",
        "Compte réactivé.",
    ]
    again = client.__class__()
    again.post(reverse("members:login"), {"username": "fanny", "password": PASSWORD})
    assert again.get(reverse("members:home")).status_code == 200


def test_the_coordination_cannot_deactivate_itself(coordination_client, coordinator):
    coordination_client.post(
        reverse("members:member_deactivate", kwargs={"pk": coordinator.network_member.pk})
    )
    coordinator.refresh_from_db()
    assert coordinator.is_active
    assert not MemberChange.objects.exists()


def test_only_a_superuser_deactivates_a_superuser(coordination_client, member):
    member.is_superuser = True
    member.save()
    coordination_client.post(
        reverse("members:member_deactivate", kwargs={"pk": member.network_member.pk})
    )
    member.refresh_from_db()
    assert member.is_active


def test_deactivation_only_by_post(coordination_client, member):
    url = reverse("members:member_deactivate", kwargs={"pk": member.network_member.pk})
    assert coordination_client.get(url).status_code == 405
