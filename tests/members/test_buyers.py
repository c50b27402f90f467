"""A buyer's page in the network's space: every meeting with that buyer the member may see (the
history, latest first), and the register's contracts of that buyer; the buyer of a meeting chosen
from the directory's public buyers or written."""

import datetime

from django.urls import reverse

import pytest

from members.models import BuyerMeeting, Contract, ContractTerritory

from .conftest import MONTPELLIER_EPCI, PASSWORD, SETE_EPCI

pytestmark = pytest.mark.django_db

DEPARTEMENT = 12  # the fake directory's public buyer


def sign_in(client, user):
    client.post(reverse("members:login"), {"username": user.username, "password": PASSWORD})


def meeting(buyer, day, territory=MONTPELLIER_EPCI, structure_id=None, participants=(), **extra):
    found = BuyerMeeting.objects.create(
        buyer=buyer,
        buyer_structure_id=structure_id,
        date=datetime.date.fromisoformat(day),
        territory_code=territory,
        topics=extra.pop("topics", f"Clauses {day}"),
        **extra,
    )
    found.participants.set(participants)
    return found


def test_a_meeting_with_a_directory_buyer(client, facilitator, fake_reference):
    sign_in(client, facilitator)
    response = client.post(
        reverse("members:meeting_add"),
        {
            "buyer_choice": str(DEPARTEMENT),
            "buyer": "",
            "date": "2026-11-20",
            "kind": "collective",
            "territory_code": MONTPELLIER_EPCI,
            "participants": [facilitator.pk],
            "topics": "Schéma des achats responsables.",
        },
    )
    assert response.status_code == 302
    found = BuyerMeeting.objects.get()
    assert (found.buyer_structure_id, found.buyer) == (DEPARTEMENT, "Département de l'Hérault")
    page = client.get(response["Location"]).content.decode()
    assert f'href="{reverse("members:buyer", kwargs={"pk": DEPARTEMENT})}"' in page


def test_a_meeting_without_a_buyer_is_refused_in_french(client, facilitator, fake_reference):
    sign_in(client, facilitator)
    response = client.post(
        reverse("members:meeting_add"),
        {
            "date": "2026-11-20",
            "kind": "individual",
            "participants": [facilitator.pk],
            "topics": "x",
        },
    )
    assert response.status_code == 400
    assert "Choisissez l&#x27;acheteur dans l&#x27;annuaire ou écrivez son nom." in (
        response.content.decode()
    )
    assert not BuyerMeeting.objects.exists()


def test_the_buyer_page_lists_every_meeting_the_member_may_see(
    client, facilitator, coordinator, verified_login, fake_reference
):
    older = meeting("Département de l'Hérault", "2025-03-04", structure_id=DEPARTEMENT)
    newer = meeting(
        "Département de l'Hérault",
        "2026-10-01",
        structure_id=DEPARTEMENT,
        participants=[coordinator],
        topics="Marchés de voirie",
    )
    hidden = meeting(
        "Département de l'Hérault", "2026-05-05", territory=SETE_EPCI, structure_id=DEPARTEMENT
    )
    meeting("Ville de Montpellier", "2026-09-09")  # another buyer
    contract = Contract.objects.create(
        title="Entretien des routes départementales",
        buyer="Département de l'Hérault",
        buyer_structure_id=DEPARTEMENT,
    )
    ContractTerritory.objects.create(contract=contract, territory_code=MONTPELLIER_EPCI)

    sign_in(client, facilitator)
    response = client.get(reverse("members:buyer", kwargs={"pk": DEPARTEMENT}))
    assert response.status_code == 200
    html = response.content.decode()
    links = [reverse("members:meeting", kwargs={"pk": m.pk}) for m in (newer, older)]
    assert html.index(links[0]) < html.index(links[1])  # the latest first
    assert reverse("members:meeting", kwargs={"pk": hidden.pk}) not in html  # Sète's
    assert "Ville de Montpellier" not in html
    assert "Claire" in html and "Marchés de voirie" in html
    assert "Entretien des routes départementales" in html

    everything = client.__class__()
    verified_login(everything, coordinator)
    coordination = everything.get(reverse("members:buyer", kwargs={"pk": DEPARTEMENT}))
    assert reverse("members:meeting", kwargs={"pk": hidden.pk}) in coordination.content.decode()


def test_a_buyer_written_by_name_has_its_page(client, facilitator, fake_reference):
    first = meeting("Université de Montpellier", "2026-01-10")
    second = meeting("université de montpellier", "2026-06-10")
    directory = meeting("Université de Montpellier", "2026-02-02", structure_id=DEPARTEMENT)
    sign_in(client, facilitator)
    assert first.buyer_url() == (
        reverse("members:buyer_by_name") + "?nom=Universit%C3%A9+de+Montpellier"
    )
    html = client.get(first.buyer_url()).content.decode()
    assert reverse("members:meeting", kwargs={"pk": first.pk}) in html
    assert reverse("members:meeting", kwargs={"pk": second.pk}) in html
    assert "Acheteur hors de l'annuaire." in html
    assert reverse("members:meeting", kwargs={"pk": directory.pk}) not in html  # the directory's


def test_unknown_buyers_are_a_404(client, facilitator, fake_reference):
    sign_in(client, facilitator)
    assert client.get(reverse("members:buyer", kwargs={"pk": 999})).status_code == 404
    url = reverse("members:buyer_by_name")
    assert client.get(url).status_code == 404
    assert client.get(url + "?nom=%20%20").status_code == 404
    assert client.get(url + "?nom=Inconnu").status_code == 404
    assert client.get(url + "?nom=a&nom=b").status_code == 404


def test_a_buyer_of_another_territory_only_is_a_404_by_name(client, facilitator, fake_reference):
    meeting("Port de Sète", "2026-01-10", territory=SETE_EPCI)
    sign_in(client, facilitator)
    response = client.get(reverse("members:buyer_by_name") + "?nom=Port+de+S%C3%A8te")
    assert response.status_code == 404


def test_the_buyer_page_is_for_members(client, fake_reference):
    response = client.get(reverse("members:buyer", kwargs={"pk": DEPARTEMENT}))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:login"))


def test_the_buyer_page_lists_the_watch_s_notices_of_that_buyer(
    client, facilitator, fake_reference, monkeypatch
):
    from core import watch

    asked = []

    def notices(name, limit):
        asked.append(name)
        return [
            watch.BuyerNotice(
                title="Entretien des routes départementales, lot 2",
                url="/veille-marches/avis/26-12345/",
                buyer_name=name,
                published_on=datetime.date(2026, 9, 14),
                deadline=None,
                has_social_consideration=False,
                cancelled=False,
            )
        ]

    monkeypatch.setattr(watch, "_provider", notices)
    meeting("Département de l'Hérault", "2026-10-01", structure_id=DEPARTEMENT)
    sign_in(client, facilitator)
    html = client.get(reverse("members:buyer", kwargs={"pk": DEPARTEMENT})).content.decode()
    assert asked == ["Département de l'Hérault"]
    assert 'href="/veille-marches/avis/26-12345/"' in html
    assert "Entretien des routes départementales, lot 2" in html
    assert "sans considération sociale" in html

    monkeypatch.setattr(watch, "_provider", None)
    html = client.get(reverse("members:buyer", kwargs={"pk": DEPARTEMENT})).content.decode()
    assert "Aucun avis de cet acheteur dans la veille des marchés." in html
