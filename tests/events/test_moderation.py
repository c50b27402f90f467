"""Registrations that wait for a moderator's approval: a request holds no place and is never given
a freed one; accepted, it takes a free place or the waiting list; refused, it is closed; the
person is emailed each time. The sign-in sheet lists the confirmed registrants of a date, for
moderators only."""

import datetime
import html

from django.contrib.auth.models import Group
from django.core import mail

import pytest

from core.permissions import EDITORS, MODERATORS, configure_editor_groups
from events import booking
from events.models import Registration, RegistrationStatus

from .conftest import days_from_now


def person(n):
    return {"name": f"Personne {n}", "email": f"p{n}@example.org"}


@pytest.fixture
def moderated(make_event):
    return make_event(
        title="Formation des acheteurs",
        slug="formation",
        kind="training",
        start_date=days_from_now(20),
        registration_enabled=True,
        capacity=1,
        requires_approval=True,
    )


@pytest.fixture
def user_in(django_user_model):
    def make(group_name):
        configure_editor_groups()
        user = django_user_model.objects.create_user(
            username=group_name.lower(), password="un mot de passe assez long"
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.mark.django_db
def test_a_request_waits_and_the_person_is_told(client, moderated):
    response = client.post(
        moderated.url + "inscription/",
        {"name": "Camille Martin", "email": "camille@example.org", "consent": "on"},
    )
    assert "Votre demande d'inscription est enregistrée." in html.unescape(
        response.content.decode()
    )
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.PENDING
    assert moderated.places_left() == 1
    assert mail.outbox[-1].subject == "Demande d'inscription reçue : Formation des acheteurs"


@pytest.mark.django_db
def test_accepted_requests_take_the_place_then_the_waiting_list(moderated):
    first, _ = booking.register(moderated, **person(1))
    second, _ = booking.register(moderated, **person(2))
    booking.send_notices(booking.approve(second))
    booking.send_notices(booking.approve(first))
    first.refresh_from_db()
    second.refresh_from_db()
    assert (second.status, first.status) == (
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITING,
    )
    assert [m.subject.split("\u00a0:")[0] for m in mail.outbox[-2:]] == [
        "Inscription confirmée",
        "Liste d'attente",
    ]
    with pytest.raises(booking.RegistrationError, match="n'attend plus de validation"):
        booking.approve(first)


@pytest.mark.django_db
def test_a_freed_place_goes_to_the_accepted_not_to_a_pending_request(moderated):
    holder, _ = booking.register(moderated, **person(1))
    booking.approve(holder)
    pending, _ = booking.register(moderated, **person(2))
    waiting, _ = booking.register(moderated, **person(3))
    booking.approve(waiting)  # full: the waiting list
    booking.cancel(Registration.objects.get(pk=holder.pk))
    pending.refresh_from_db()
    waiting.refresh_from_db()
    assert pending.status == RegistrationStatus.PENDING
    assert waiting.status == RegistrationStatus.OFFERED


@pytest.mark.django_db
def test_a_refused_request_is_closed_and_the_person_told(moderated):
    registration, _ = booking.register(moderated, **person(1))
    booking.send_notices(booking.refuse(registration))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.REFUSED
    assert mail.outbox[-1].subject == "Demande d'inscription non retenue : Formation des acheteurs"
    assert "/inscription/" not in mail.outbox[-1].body
    # Refused, the address may ask again.
    again, _ = booking.register(moderated, **person(1))
    assert again.status == RegistrationStatus.PENDING


@pytest.mark.django_db
def test_moderators_accept_in_the_admin_and_editors_cannot(
    client, user_in, moderated, verified_login
):
    registration, _ = booking.register(moderated, **person(1))
    url = f"/admin/events/registrations/{registration.pk}/moderation/"
    client.force_login(user_in(EDITORS))
    assert client.post(url, {"action": "accept"}).status_code in (302, 403)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.PENDING
    verified_login(client, user_in(MODERATORS))  # moderators use two-factor authentication
    listing = client.get("/admin/events/registrations/", {"status": "pending"}).content.decode()
    assert url in listing
    assert "Accepter" in client.get(url).content.decode()
    response = client.post(url, {"action": "accept"})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert mail.outbox[-1].to == ["p1@example.org"]


@pytest.mark.django_db
def test_the_sign_in_sheet_lists_the_confirmed_with_a_column_to_sign(
    client, user_in, meeting, make_event, verified_login
):
    booking.register(meeting, **person(1))
    booking.register(meeting, **{**person(2), "organisation": "Mairie de Lodève"})
    booking.register(meeting, **person(3))  # full: waiting list, not on the sheet
    verified_login(client, user_in(MODERATORS))  # moderators use two-factor authentication
    sheets = client.get("/admin/events/sign-in/").content.decode()
    assert f"/admin/events/sign-in/{meeting.pk}/" in sheets
    page = html.unescape(client.get(f"/admin/events/sign-in/{meeting.pk}/").content.decode())
    assert "Feuille d'émargement" in page and "Signature" in page
    assert "Personne 1" in page and "Mairie de Lodève" in page and "Personne 3" not in page
    assert "2 inscrits" in page
    # A series has one sheet per date.
    monday = datetime.date.today() + datetime.timedelta(days=7 - datetime.date.today().weekday())
    series = make_event(
        slug="permanence", start_date=monday, repeat="weekly", registration_enabled=True
    )
    second = series.occurrences.all()[1]
    booking.register(series, second, **person(4))
    page = client.get(f"/admin/events/sign-in/{series.pk}/{second.pk}/").content.decode()
    assert "Personne 4" in page
    assert client.get(f"/admin/events/sign-in/{series.pk}/").status_code == 404
    client.force_login(user_in(EDITORS))
    assert client.get(f"/admin/events/sign-in/{meeting.pk}/").status_code in (302, 403)
