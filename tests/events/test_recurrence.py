"""Recurring events: a monthly technical meeting on the 2nd Tuesday, with a date excluded, one
cancelled and one moved. Its dates are rows the agenda lists, each with its own page and its own
places; the feed carries RRULE, EXDATE and RECURRENCE-ID, and an independent reader expanding it
(recurring-ical-events) finds the site's dates; bad rules get a French message."""

import datetime
import html
import io
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation

import icalendar
import pytest
import recurring_ical_events

from events import booking
from events.models import (
    EventOccurrence,
    OccurrenceChange,
    Registration,
    RegistrationStatus,
    recurrence,
)
from events.schedule import format_day

PARIS = ZoneInfo("Europe/Paris")
DATA = {"name": "Dominique Roux", "email": "d@example.org"}


def second_tuesday(year, month):
    day = datetime.date(year, month, 8)
    return day + datetime.timedelta(days=(1 - day.weekday()) % 7)


def next_second_tuesdays(count):
    today = datetime.date.today()
    year, month = today.year, today.month + 1
    days = []
    while len(days) < count:
        if month > 12:
            year, month = year + 1, 1
        days.append(second_tuesday(year, month))
        month += 1
    return days


def text(response):
    return html.unescape(response.content.decode())


@pytest.fixture
def series(make_event):
    """Six monthly meetings from next month; the 2nd excluded, the 3rd cancelled, the 4th moved
    to the Thursday after, 14 h to 16 h."""
    days = next_second_tuesdays(6)
    event = make_event(
        title="Réunion technique des facilitateurs",
        slug="reunion-technique",
        start_date=days[0],
        start_time=datetime.time(9, 30),
        end_time=datetime.time(12, 0),
        repeat="monthly",
        repeat_weekdays="TU",
        repeat_week_of_month=2,
        repeat_count=6,
        registration_enabled=True,
        capacity=1,
        occurrence_changes=[
            OccurrenceChange(original_date=days[1], change="excluded"),
            OccurrenceChange(original_date=days[2], change="cancelled"),
            OccurrenceChange(
                original_date=days[3],
                change="moved",
                new_date=days[3] + datetime.timedelta(days=2),
                new_start_time=datetime.time(14, 0),
                new_end_time=datetime.time(16, 0),
            ),
        ],
    )
    return event, days


@pytest.mark.django_db
def test_the_rule_gives_the_dates_with_their_changes(series):
    event, days = series
    rows = list(event.occurrences.order_by("original_date"))
    assert [row.original_date for row in rows] == [days[0], *days[2:]]
    assert all(row.in_series for row in rows)
    cancelled, moved = rows[1], rows[2]
    assert cancelled.cancelled and not moved.cancelled
    assert moved.moved and moved.start_date == days[3] + datetime.timedelta(days=2)
    assert moved.starts_at == datetime.datetime.combine(
        moved.start_date, datetime.time(14), tzinfo=PARIS
    )
    # Every date at 9:30 in Paris, summer or winter.
    assert {row.starts_at.astimezone(PARIS).time() for row in rows if not row.moved} == {
        datetime.time(9, 30)
    }
    with translation.override("fr"):
        assert event.rule_text == "Chaque mois, le 2e mardi, 6 fois"
        assert event.series_text == (
            "Chaque mois, le 2e mardi, 6 fois, de 9\u00a0h\u00a030 à 12\u00a0h"
        )
    with translation.override("en"):
        assert event.series_text == "Monthly, the 2nd Tuesday, 6 times, from 9:30 to 12:00"


@pytest.mark.django_db
def test_an_independent_reader_of_the_feed_finds_the_sites_dates(client, agenda, series):
    event, days = series
    response = client.get(agenda.url + "calendrier/")
    cal = icalendar.Calendar.from_ical(response.content)
    [master] = [c for c in cal.walk("VEVENT") if "RRULE" in c]
    assert master["RRULE"]["FREQ"] == ["MONTHLY"]
    assert master["RRULE"]["BYDAY"] == ["2TU"]
    assert [d.dt for d in master["EXDATE"].dts] == [
        datetime.datetime.combine(days[1], datetime.time(9, 30), tzinfo=PARIS)
    ]
    overrides = [c for c in cal.walk("VEVENT") if "RECURRENCE-ID" in c]
    assert {str(c["UID"]) for c in overrides} == {str(master["UID"])}
    expanded = recurring_ical_events.of(cal).between(days[0], days[-1] + datetime.timedelta(30))
    seen = {(o["DTSTART"].dt, str(o["STATUS"])) for o in expanded}
    site = {
        (row.starts_at.astimezone(PARIS), "CANCELLED" if row.cancelled else "CONFIRMED")
        for row in event.occurrences.all()
    }
    assert seen == site


@pytest.mark.django_db
def test_the_agenda_lists_each_date_and_each_date_has_its_page(client, agenda, series):
    event, days = series
    listing = text(client.get(agenda.url))
    assert listing.count("Réunion technique des facilitateurs") == 5
    assert f"/agenda/reunion-technique/{days[0].isoformat()}/" in listing
    page = client.get(f"{event.url}{days[2].isoformat()}/")
    assert page.status_code == 200
    assert "Cette date est annulée." in text(page)
    moved = text(client.get(f"{event.url}{days[3].isoformat()}/"))
    assert "est déplacée" in moved and "de 14\u00a0h à 16\u00a0h" in moved
    series_page = text(client.get(event.url))
    assert "Prochaines dates" in series_page and "choisissez une date" in series_page
    # A date the rule does not give, or no date at all: a 404, never an error.
    assert client.get(f"{event.url}{days[1].isoformat()}/").status_code == 404
    assert client.get(f"{event.url}2027-02-30/").status_code == 404
    ics = client.get(f"{event.url}{days[0].isoformat()}/calendrier/")
    [one] = icalendar.Calendar.from_ical(ics.content).walk("VEVENT")
    assert one["DTSTART"].dt.date() == days[0] and "RRULE" not in one


@pytest.mark.django_db
def test_each_date_has_its_own_places(client, series):
    event, days = series
    first, second = f"{event.url}{days[0].isoformat()}/", f"{event.url}{days[3].isoformat()}/"

    def post(url, email):
        data = {"name": "Camille Martin", "email": email, "consent": "on"}
        return client.post(url + "inscription/", data)

    assert post(first, "a@example.org").status_code == 200
    assert post(first, "b@example.org").status_code == 200
    assert post(second, "b@example.org").status_code == 200
    statuses = {(r.email, r.occurrence.original_date): r.status for r in Registration.objects.all()}
    assert statuses == {
        ("a@example.org", days[0]): RegistrationStatus.CONFIRMED,
        ("b@example.org", days[0]): RegistrationStatus.WAITING,
        ("b@example.org", days[3]): RegistrationStatus.CONFIRMED,
    }
    # The same address twice on one date is refused; the series itself takes no registration.
    assert post(first, "a@example.org").status_code == 409
    assert "inscrivez-vous à l'une de ses dates" in text(post(event.url, "c@example.org"))
    # The cancelled date is closed; the confirmation names the date registered to.
    with pytest.raises(booking.RegistrationError, match="annulé"):
        booking.register(event, event.occurrence_by_key(days[2].isoformat()), **DATA)
    confirmation = next(m for m in mail.outbox if m.to == ["a@example.org"])
    assert days[0].isoformat() in confirmation.body
    assert "de 9\u00a0h\u00a030 à 12\u00a0h" in confirmation.body
    # The emails of one date name it, in the subject and the first sentence.
    day = format_day(days[0])
    assert confirmation.subject == f"Inscription confirmée\u00a0: {event.title}, {day}"
    assert f"Votre inscription à «\u00a0{event.title}\u00a0» du {day} est confirmée." in (
        confirmation.body
    )
    waiting = next(m for m in mail.outbox if m.to == ["b@example.org"])
    assert f"La séance du {day} de «\u00a0{event.title}\u00a0» est complète" in waiting.body


@pytest.mark.django_db
def test_a_date_cancelled_later_tells_its_registrants_and_keeps_them(
    client, series, django_capture_on_commit_callbacks
):
    event, days = series
    url = f"{event.url}{days[4].isoformat()}/inscription/"
    client.post(url, {"name": "Camille Martin", "email": "a@example.org", "consent": "on"})
    registration = Registration.objects.get()
    mail.outbox.clear()
    # The series moves to 10 h: the rows keep their registrations (named by the rule's date).
    event.start_time = datetime.time(10, 0)
    event.end_time = datetime.time(12, 30)
    event.occurrence_changes.add(OccurrenceChange(original_date=days[4], change="cancelled"))
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    registration.refresh_from_db()
    assert registration.occurrence.original_date == days[4]
    assert registration.occurrence.cancelled
    [notice] = [m for m in mail.outbox if m.subject.startswith("Séance annulée")]
    day = format_day(days[4])
    assert notice.subject == f"Séance annulée\u00a0: Réunion technique des facilitateurs, {day}"
    assert (
        f"la séance du {day} de «\u00a0Réunion technique des facilitateurs\u00a0» est annulée"
        in (notice.body)
    )
    assert "les autres dates sont maintenues" in notice.body


@pytest.mark.django_db
def test_a_weekly_rule_on_two_days_until_a_date(make_event):
    monday = datetime.date.today() + datetime.timedelta(days=7 - datetime.date.today().weekday())
    event = make_event(
        slug="permanence",
        start_date=monday,
        repeat="weekly",
        repeat_weekdays="MO,TH",
        repeat_until=monday + datetime.timedelta(days=14),
    )
    days = [row.start_date for row in event.occurrences.all()]
    assert days == [monday + datetime.timedelta(days=n) for n in (0, 3, 7, 10, 14)]
    with translation.override("fr"):
        assert event.rule_text.startswith("Chaque semaine, le lundi et jeudi, jusqu'au ")
    assert event.ical_rrule()["byday"] == ["MO", "TH"]
    assert event.ical_rrule()["until"].tzinfo == datetime.UTC


@pytest.mark.django_db
def test_bad_rules_get_a_french_message(make_event, series):
    event, days = series
    event.start_date = days[0] + datetime.timedelta(days=1)  # a Wednesday: not a 2nd Tuesday
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "La date de début doit être une des dates de la répétition" in str(error.value)
    event.start_date = days[0]
    event.repeat_until = days[5]
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "pas les deux" in str(error.value)
    event.repeat_until = None
    change = OccurrenceChange(page=event, original_date=days[0] + datetime.timedelta(days=2))
    change.change = "cancelled"
    with pytest.raises(ValidationError) as error:
        change.clean()
    assert "n'est pas une date de la répétition" in str(error.value)
    moved = OccurrenceChange(page=event, original_date=days[0], change="moved")
    with pytest.raises(ValidationError) as error:
        moved.clean()
    assert "Indiquez la nouvelle date" in str(error.value)


@pytest.mark.django_db
def test_a_rule_without_end_is_kept_to_the_horizon(make_event):
    event = make_event(slug="hebdo", repeat="weekly")
    count = EventOccurrence.objects.filter(event=event).count()
    assert 100 <= count <= 106


@pytest.mark.django_db
def test_the_nightly_command_extends_a_series_without_end(make_event, monkeypatch):
    event = make_event(slug="hebdo", repeat="weekly")
    before = event.occurrences.count()
    monkeypatch.setattr(recurrence, "HORIZON", recurrence.HORIZON + datetime.timedelta(weeks=4))
    call_command("refresh_event_occurrences", stdout=io.StringIO())
    assert event.occurrences.count() == before + 4
