"""The log of meetings with buyers: recording one, who sees it (another territory's: 404), bad
input in French with nothing saved, the follow-ups on the members' home and the reminder email."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.urls import reverse

import pytest

from members.models import BuyerMeeting

from .conftest import MONTPELLIER_EPCI, PASSWORD, SETE_EPCI

pytestmark = pytest.mark.django_db


def sign_in(client, user):
    client.post(reverse("members:login"), {"username": user.username, "password": PASSWORD})


def meeting_data(**extra):
    return {
        "buyer": "Ville de Montpellier",
        "date": "2026-11-20",
        "kind": "individual",
        "territory_code": MONTPELLIER_EPCI,
        "topics": "Clauses d'insertion des marchés de voirie 2027.",
        "outcome": "Deux marchés à clauser.",
        "follow_up_on": "2027-01-15",
        **extra,
    }


def test_a_facilitator_records_a_meeting(client, facilitator, fake_reference):
    sign_in(client, facilitator)
    assert client.get(reverse("members:meeting_add")).status_code == 200
    response = client.post(
        reverse("members:meeting_add"), meeting_data(participants=[facilitator.pk])
    )
    meeting = BuyerMeeting.objects.get()
    assert response["Location"] == reverse("members:meeting", kwargs={"pk": meeting.pk})
    assert meeting.created_by == facilitator
    assert list(meeting.participants.all()) == [facilitator]
    page = client.get(response["Location"]).content.decode()
    assert "Montpellier Méditerranée Métropole" in page
    home = client.get(reverse("members:home")).content.decode()
    assert "Vos relances en cours" in home and "Ville de Montpellier" in home


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"date": "2026-13-45"}, "Indiquez une date valide."),
        ({"follow_up_on": "2026-01-01"}, "La relance ne peut pas précéder la rencontre."),
        ({"territory_code": "99999"}, "Ce territoire n&#x27;existe pas dans l&#x27;annuaire."),
        ({"topics": ""}, "Indiquez les sujets abordés."),
        ({"participants": ["abc"]}, "Cette personne n&#x27;est pas membre du réseau."),
    ],
)
def test_bad_input_is_refused_in_french(client, facilitator, fake_reference, data, message):
    sign_in(client, facilitator)
    payload = meeting_data(participants=[facilitator.pk])
    payload.update(data)
    response = client.post(reverse("members:meeting_add"), payload)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not BuyerMeeting.objects.exists()


def test_another_territory_s_meeting_is_not_found(client, facilitator, make_member, fake_reference):
    other = make_member("samir", "facilitator", [SETE_EPCI])
    meeting = BuyerMeeting.objects.create(
        buyer="Sète Agglopôle",
        date=datetime.date(2026, 10, 1),
        territory_code=SETE_EPCI,
        topics="Marché de collecte.",
        created_by=other,
    )
    meeting.participants.set([other])
    sign_in(client, facilitator)
    assert "Sète Agglopôle" not in client.get(reverse("members:meetings")).content.decode()
    for name in ("members:meeting", "members:meeting_edit"):
        assert client.get(reverse(name, kwargs={"pk": meeting.pk})).status_code == 404
    done = reverse("members:meeting_follow_up_done", kwargs={"pk": meeting.pk})
    assert client.post(done).status_code == 404


def test_the_coordination_sees_every_meeting(client, coordinator, facilitator, settings):
    settings.MEMBERS_TWO_FACTOR_REQUIRED_GROUPS = []
    meeting = BuyerMeeting.objects.create(
        buyer="Département de l'Hérault",
        date=datetime.date(2026, 10, 1),
        topics="Collèges.",
        created_by=facilitator,
    )
    meeting.participants.set([facilitator])
    sign_in(client, coordinator)
    assert "Département de l" in client.get(reverse("members:meetings")).content.decode()


def test_follow_up_reminder_is_sent_once_when_due(facilitator):
    meeting = BuyerMeeting.objects.create(
        buyer="Ville de Lunel",
        date=datetime.date(2026, 9, 1),
        topics="Voirie.",
        follow_up_on=datetime.date.today() - datetime.timedelta(days=1),
    )
    meeting.participants.set([facilitator])
    later = BuyerMeeting.objects.create(
        buyer="Ville d'Agde",
        date=datetime.date(2026, 9, 1),
        topics="Plages.",
        follow_up_on=datetime.date.today() + datetime.timedelta(days=10),
    )
    later.participants.set([facilitator])
    call_command("send_follow_up_reminders", verbosity=0)
    [message] = mail.outbox
    assert message.to == [facilitator.email]
    assert "Ville de Lunel" in message.subject
    call_command("send_follow_up_reminders", verbosity=0)
    assert len(mail.outbox) == 1


def test_marking_the_follow_up_done(client, facilitator):
    meeting = BuyerMeeting.objects.create(
        buyer="Ville de Lunel",
        date=datetime.date(2026, 9, 1),
        topics="Voirie.",
        follow_up_on=datetime.date(2026, 12, 1),
    )
    meeting.participants.set([facilitator])
    sign_in(client, facilitator)
    client.post(reverse("members:meeting_follow_up_done", kwargs={"pk": meeting.pk}))
    meeting.refresh_from_db()
    assert meeting.follow_up_done
    assert "Vos relances en cours" not in client.get(reverse("members:home")).content.decode()
