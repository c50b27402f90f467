"""The iCalendar file and feeds, read back by two independent readers (icalendar's parser and
recurring-ical-events' expansion): the same events as the site, at the same Paris times, with a
VTIMEZONE, stable UIDs, SEQUENCE bumped on every change a calendar shows, cancellations kept as
STATUS:CANCELLED."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from .conftest import days_from_now

PARIS = ZoneInfo("Europe/Paris")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(cal):
    return list(cal.walk("VEVENT"))


@pytest.fixture
def events(make_event):
    winter = make_event(
        title="Réunion technique d'hiver",
        slug="hiver",
        start_date=datetime.date(datetime.date.today().year + 1, 1, 14),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(12, 0),
    )
    summer = make_event(
        title="Journée d'été",
        slug="ete",
        kind="promotion",
        start_date=datetime.date(datetime.date.today().year + 1, 7, 2),
        end_date=datetime.date(datetime.date.today().year + 1, 7, 3),
        start_time=None,
        end_time=None,
        city="Sète",
    )
    return winter, summer


@pytest.mark.django_db
def test_the_feed_shows_the_sites_events_at_their_paris_times_to_two_readers(
    client, agenda, events
):
    winter, summer = events
    cal = parse(client.get(agenda.url + "calendrier/"))
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Paris"]
    by_title = {str(event["SUMMARY"]): event for event in vevents(cal)}
    assert set(by_title) == {winter.title, summer.title}
    start = by_title[winter.title]["DTSTART"]
    assert start.params["TZID"] == "Europe/Paris"
    assert start.dt == datetime.datetime(winter.start_date.year, 1, 14, 9, 30, tzinfo=PARIS)
    # An all-day event is written with dates, its end the day after its last day (RFC 5545).
    assert by_title[summer.title]["DTSTART"].dt == summer.start_date
    assert by_title[summer.title]["DTEND"].dt == datetime.date(summer.start_date.year, 7, 4)
    # The second reader expands the calendar over the next two years: same events, same times.
    year = datetime.date.today().year
    occurrences = recurring_ical_events.of(cal).between((year, 1, 1), (year + 2, 1, 1))
    found = {(str(o["SUMMARY"]), o["DTSTART"].dt) for o in occurrences}
    assert (winter.title, winter.starts_at.astimezone(PARIS)) in found
    assert (summer.title, summer.start_date) in found
    # 9:30 in Paris in January is 8:30 UTC (CET); a reader applying the VTIMEZONE agrees.
    assert start.dt.astimezone(datetime.UTC).hour == 8


@pytest.mark.django_db
def test_a_filtered_agenda_is_a_filtered_feed(client, agenda, events):
    cal = parse(client.get(agenda.url + "calendrier/?type=promotion&commune=s%C3%A8te"))
    assert [str(e["SUMMARY"]) for e in vevents(cal)] == ["Journée d'été"]
    cal = parse(client.get(agenda.url + "calendrier/?type=licorne&page=x&annee=zz"))
    assert len(vevents(cal)) == 2


@pytest.mark.django_db
def test_a_change_bumps_sequence_and_last_modified_and_the_uid_stays(client, events):
    winter, _summer = events
    first = vevents(parse(client.get(winter.url + "calendrier/")))[0]
    assert first["SEQUENCE"] == 0
    winter.start_time = datetime.time(10, 0)
    winter.slug = "hiver-nouvelle-heure"
    winter.save_revision().publish()
    winter.refresh_from_db()
    second = vevents(parse(client.get(winter.url + "calendrier/")))[0]
    assert second["SEQUENCE"] == 1
    assert second["UID"] == first["UID"]
    assert second["LAST-MODIFIED"].dt >= first["LAST-MODIFIED"].dt
    # Publishing again without a change a calendar shows keeps the sequence.
    winter.body = []
    winter.save_revision().publish()
    third = vevents(parse(client.get(winter.url + "calendrier/")))[0]
    assert third["SEQUENCE"] == 1


@pytest.mark.django_db
def test_a_cancelled_event_stays_in_the_feed_as_cancelled(client, agenda, events):
    winter, _summer = events
    winter.status = "cancelled"
    winter.save_revision().publish()
    by_title = {
        str(e["SUMMARY"]): e for e in vevents(parse(client.get(agenda.url + "calendrier/")))
    }
    assert by_title[winter.title]["STATUS"] == "CANCELLED"
    assert by_title[winter.title]["SEQUENCE"] == 1
    assert by_title["Journée d'été"]["STATUS"] == "CONFIRMED"


@pytest.mark.django_db
def test_unpublished_and_long_past_events_leave_the_feed(client, agenda, events, make_event):
    winter, _summer = events
    make_event(slug="ancienne", start_date=days_from_now(-400))
    winter.unpublish()
    titles = [str(e["SUMMARY"]) for e in vevents(parse(client.get(agenda.url + "calendrier/")))]
    assert titles == ["Journée d'été"]


@pytest.mark.django_db
def test_the_event_file_is_an_attachment_named_after_the_event(client, events):
    winter, _summer = events
    response = client.get(winter.url + "calendrier/")
    assert response["Content-Disposition"] == 'attachment; filename="hiver.ics"'
    [event] = vevents(parse(response))
    assert "Maison de l'emploi" in str(event["LOCATION"])
    assert str(event["URL"]).endswith("/agenda/hiver/")
