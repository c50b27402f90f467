"""Registrations: a place while there is one, then the waiting list; a freed place offered to the
first on the list for a limited time, then to the next; signed links to accept, cancel and erase;
French messages and 4xx answers for every refusal, nothing half-saved."""

import datetime
import html
import io
import threading
from urllib.parse import urlparse

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

import pytest

from events import booking
from events.models import Registration, RegistrationStatus
from events.schedule import format_moment
from events.tokens import manage_url, registration_token

from .conftest import days_from_now


def text(response):
    return html.unescape(response.content.decode())


def form(email, **extra):
    return {"name": "Camille Martin", "email": email, "consent": "on", **extra}


def register(client, event, email, **extra):
    return client.post(event.url + "inscription/", form(email, **extra))


def manage_path(registration):
    return urlparse(manage_url(registration)).path


@pytest.mark.django_db
def test_a_registration_takes_a_place_and_the_email_carries_the_event_and_the_cancel_link(
    client, meeting
):
    response = register(client, meeting, "Camille@Example.org", organisation="Mairie de Sète")
    assert response.status_code == 200
    assert "Votre inscription est confirmée" in text(response)
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.email == "camille@example.org"
    [message] = mail.outbox
    assert message.to == ["camille@example.org"]
    assert message.subject == "Inscription confirmée : Réunion d'information des acheteurs"
    assert manage_url(registration) in message.body
    assert "de 9\u00a0h\u00a030 à 12\u00a0h" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename == "reunion-acheteurs.ics" and mimetype.startswith("text/calendar")
    assert "DTSTART;TZID=Europe/Paris:" in content


@pytest.mark.django_db
def test_a_full_event_puts_the_next_registrant_on_the_waiting_list(client, meeting):
    register(client, meeting, "a@example.org")
    register(client, meeting, "b@example.org")
    response = register(client, meeting, "c@example.org")
    assert response.status_code == 200
    assert "Vous êtes sur la liste d'attente" in text(response)
    assert Registration.objects.get(email="c@example.org").status == RegistrationStatus.WAITING
    assert mail.outbox[-1].subject.startswith("Liste d'attente")
    page = text(client.get(meeting.url))
    assert "M'inscrire sur la liste d'attente" in page


@pytest.mark.django_db
def test_a_cancellation_offers_the_place_to_the_first_on_the_list_who_may_accept_it(
    client, meeting
):
    for address in ("a@example.org", "b@example.org", "c@example.org", "d@example.org"):
        register(client, meeting, address)
    first = Registration.objects.get(email="a@example.org")
    mail.outbox.clear()
    response = client.post(manage_path(first), {"action": "cancel"})
    assert response.status_code == 200
    offered = Registration.objects.get(email="c@example.org")
    assert offered.status == RegistrationStatus.OFFERED
    assert Registration.objects.get(email="d@example.org").status == RegistrationStatus.WAITING
    expected = timezone.now() + datetime.timedelta(hours=24)
    assert abs((offered.offer_expires_at - expected).total_seconds()) < 60
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects[0].startswith("Inscription annulée")
    assert subjects[1].startswith("Une place s'est libérée")
    offer_email = next(m for m in mail.outbox if m.to == ["c@example.org"])
    assert manage_url(offered) in offer_email.body
    # The deadline in Paris time and French typography: "… le jeudi 3 décembre 2026 à 8 h 21".
    assert (
        f"avant le {format_moment(offered.offer_expires_at)} (heure de Paris)" in offer_email.body
    )
    assert "\u00a0h\u00a0" in format_moment(offered.offer_expires_at) or format_moment(
        offered.offer_expires_at
    ).endswith("\u00a0h")
    # The link's page shows the offer; a GET does not act, the button does.
    assert "Je prends la place" in text(client.get(manage_path(offered)))
    assert Registration.objects.get(pk=offered.pk).status == RegistrationStatus.OFFERED
    response = client.post(manage_path(offered), {"action": "accept"})
    assert response.status_code == 200
    assert Registration.objects.get(pk=offered.pk).status == RegistrationStatus.CONFIRMED
    assert meeting.places_left() == 0


@pytest.mark.django_db
def test_an_unanswered_offer_expires_and_passes_to_the_next(client, meeting):
    for address in ("a@example.org", "b@example.org", "c@example.org", "d@example.org"):
        register(client, meeting, address)
    booking.cancel(Registration.objects.get(email="a@example.org"))
    offered = Registration.objects.get(email="c@example.org")
    Registration.objects.filter(pk=offered.pk).update(
        offer_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    mail.outbox.clear()
    output = io.StringIO()
    call_command("send_event_reminders", stdout=output)
    assert "1 proposition(s) expirée(s)" in output.getvalue()
    assert Registration.objects.get(pk=offered.pk).status == RegistrationStatus.EXPIRED
    assert Registration.objects.get(email="d@example.org").status == RegistrationStatus.OFFERED
    assert {tuple(m.to) for m in mail.outbox} == {("c@example.org",), ("d@example.org",)}
    # The expired offer's link says so (409) and changes nothing.
    response = client.post(manage_path(offered), {"action": "accept"})
    assert response.status_code == 409
    assert "n'est plus valable" in text(response)
    assert Registration.objects.get(pk=offered.pk).status == RegistrationStatus.EXPIRED


@pytest.mark.django_db
def test_erasing_ones_data_deletes_the_registration_frees_the_place_and_kills_the_link(
    client, meeting
):
    for address in ("a@example.org", "b@example.org", "c@example.org"):
        register(client, meeting, address)
    first = Registration.objects.get(email="a@example.org")
    path = manage_path(first)
    response = client.post(path, {"action": "erase"})
    assert response.status_code == 200
    assert "Vos données sont effacées" in text(response)
    assert not Registration.objects.filter(email="a@example.org").exists()
    assert Registration.objects.get(email="c@example.org").status == RegistrationStatus.OFFERED
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_a_second_registration_of_the_same_address_is_refused_in_french(client, meeting):
    register(client, meeting, "a@example.org")
    response = register(client, meeting, "A@example.org ")
    assert response.status_code == 409
    assert "déjà inscrite" in text(response)
    assert Registration.objects.count() == 1


@pytest.mark.django_db
def test_closed_cancelled_or_absent_registrations_are_refused_with_a_4xx(
    client, meeting, make_event
):
    meeting.registration_closes_at = timezone.now() - datetime.timedelta(hours=1)
    meeting.save_revision().publish()
    response = register(client, meeting, "a@example.org")
    assert response.status_code == 409
    assert "Les inscriptions sont closes" in text(response)
    no_registration = make_event(slug="sans-inscription")
    response = register(client, no_registration, "a@example.org")
    assert response.status_code == 409
    assert "ne prend pas d'inscription" in text(response)
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_invalid_input_is_answered_400_with_french_messages(client, meeting):
    response = client.post(meeting.url + "inscription/", {"email": "pas-une-adresse"})
    assert response.status_code == 400
    page = text(response)
    assert "Indiquez votre nom et votre prénom." in page
    assert "Cette adresse électronique n'est pas valide" in page
    assert "Cochez cette case" in page
    response = register(client, meeting, "a@example.org", organisation_kind="licorne")
    assert response.status_code == 400
    assert "Choisissez un type de structure" in text(response)
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_a_robot_filling_the_honeypot_is_refused(client, meeting):
    response = register(client, meeting, "robot@example.org", website="http://spam.example")
    assert response.status_code == 400
    assert "réservé à la détection des robots" in text(response)
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_posts_past_the_rate_limit_get_a_429(client, meeting, settings):
    settings.EVENTS_RATE_LIMIT = "2/10m"
    assert register(client, meeting, "a@example.org").status_code == 200
    assert register(client, meeting, "b@example.org").status_code == 200
    assert register(client, meeting, "c@example.org").status_code == 429
    assert Registration.objects.count() == 2


@pytest.mark.django_db
def test_forged_or_altered_links_are_404_and_unknown_actions_400(client, meeting):
    register(client, meeting, "a@example.org")
    registration = Registration.objects.get()
    token = registration_token(registration)
    base = meeting.url + "inscription/"
    assert client.get(base + token[:-2] + "xx/").status_code == 404
    assert client.get(base + "n-importe-quoi/").status_code == 404
    response = client.post(base + token + "/", {"action": "supprimer-tout"})
    assert response.status_code == 400
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED


@pytest.mark.django_db
def test_asking_for_the_newsletter_records_a_pending_consent_with_its_own_confirmation(
    client, meeting
):
    from newsletter.models import Consent

    register(client, meeting, "a@example.org", newsletter="on")
    consent = Consent.objects.get(subscriber__email="a@example.org")
    assert consent.confirmed_at is None
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_cancelling_the_event_tells_every_registrant_with_a_cancelled_calendar_entry(
    client, meeting, django_capture_on_commit_callbacks
):
    register(client, meeting, "a@example.org")
    register(client, meeting, "b@example.org")
    register(client, meeting, "c@example.org")
    mail.outbox.clear()
    meeting.status = "cancelled"
    with django_capture_on_commit_callbacks(execute=True):
        meeting.save_revision().publish()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "a@example.org",
        "b@example.org",
        "c@example.org",
    ]
    message = mail.outbox[0]
    assert message.subject.startswith("Événement annulé")
    assert "STATUS:CANCELLED" in message.attachments[0][1]


@pytest.mark.django_db
def test_moving_the_event_tells_registrants_but_a_new_summary_does_not(
    client, meeting, django_capture_on_commit_callbacks
):
    register(client, meeting, "a@example.org")
    mail.outbox.clear()
    meeting.summary = "Un résumé mieux écrit."
    with django_capture_on_commit_callbacks(execute=True):
        meeting.save_revision().publish()
    assert mail.outbox == []
    meeting.start_date = days_from_now(31)
    with django_capture_on_commit_callbacks(execute=True):
        meeting.save_revision().publish()
    [message] = mail.outbox
    assert message.subject.startswith("Changement de date ou de lieu")


@pytest.mark.django_db
def test_reminders_go_once_the_day_before_and_an_hour_before_online_events(make_event):
    from events.reminders import send_reminders

    soon = timezone.localtime() + datetime.timedelta(hours=20)
    event = make_event(
        slug="webinaire",
        kind="webinar",
        start_date=soon.date(),
        start_time=soon.time().replace(microsecond=0),
        end_time=None,
        venue="",
        city="",
        online_url="https://visio.example.org/mics34",
        registration_enabled=True,
    )
    registration, _ = booking.register(event, name="A", email="a@example.org", language="fr")
    mail.outbox.clear()
    assert send_reminders() == 1
    assert send_reminders() == 0
    assert mail.outbox[0].subject.endswith(", demain")
    assert "https://visio.example.org/mics34" in mail.outbox[0].body
    later = timezone.now() + datetime.timedelta(hours=19, minutes=30)
    assert send_reminders(now=later) == 1
    assert mail.outbox[1].subject.endswith("dans une heure")
    assert Registration.objects.get(pk=registration.pk).reminded_hour_before_at is not None


@pytest.mark.django_db
def test_registrations_are_erased_after_the_retention_period(make_event, settings):
    from events.reminders import erase_past_registrations

    settings.EVENTS_REGISTRATION_RETENTION_MONTHS = 12
    old = make_event(
        slug="ancienne", start_date=datetime.date.today() - datetime.timedelta(days=400)
    )
    recent = make_event(
        slug="recente", start_date=datetime.date.today() - datetime.timedelta(days=300)
    )
    Registration.objects.create(event=old, name="A", email="a@example.org", status="confirmed")
    Registration.objects.create(event=recent, name="B", email="b@example.org", status="confirmed")
    assert erase_past_registrations() == 1
    assert list(Registration.objects.values_list("email", flat=True)) == ["b@example.org"]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_registrations_never_exceed_the_capacity(home_page):
    from events.factories import AgendaPageFactory, EventPageFactory

    agenda = AgendaPageFactory(parent=home_page)
    event = EventPageFactory(parent=agenda, registration_enabled=True, capacity=5)
    event.save_revision().publish()
    barrier = threading.Barrier(30)
    outcomes = []

    def attempt(index):
        try:
            barrier.wait()
            registration, _ = booking.register(
                event, name=f"P{index}", email=f"p{index}@example.org", language="fr"
            )
            outcomes.append(registration.status)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Registration.objects.filter(status="confirmed").count() == 5
    assert Registration.objects.filter(status="waiting").count() == 25
    assert sorted(outcomes).count("confirmed") == 5
