"""The agenda's feed written fast (events.ical.feed) is the feed icalendar writes, byte for byte but
for DTSTAMP (the time it is written): the same calendar whether its VEVENTs are written now or
taken from the cache, an edited event written again; and its number of queries does not grow
with the number of events or series."""

import datetime
import re

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from events import ical
from events.models import OccurrenceChange
from events.views.agenda import agenda_events

from .conftest import days_from_now

STAMP = re.compile(rb"^DTSTAMP:\d{8}T\d{6}Z\r\n", re.MULTILINE)


def without_stamps(content):
    return STAMP.sub(b"", content)


def next_first_thursdays(count):
    day = days_from_now(31).replace(day=1)
    found = []
    while len(found) < count:
        if day.weekday() == 3 and day.day <= 7:
            found.append(day)
        day += datetime.timedelta(days=1)
    return found


def make_events(make_event, number, prefix):
    """`number` single events (timed, all-day over two days, online) and one monthly series with a
    date excluded, one cancelled and one moved."""
    made = []
    for n in range(number):
        fields = {"title": f"{prefix} réunion {n}", "slug": f"{prefix}-reunion-{n}"}
        if n % 3 == 1:
            fields |= {"start_time": None, "end_time": None, "end_date": days_from_now(31 + n)}
        if n % 3 == 2:
            fields |= {"online_url": "https://visio.example.org/x", "venue": "", "city": ""}
        made.append(make_event(start_date=days_from_now(30 + n), **fields))
    days = next_first_thursdays(6)
    made.append(
        make_event(
            title=f"{prefix} point mensuel",
            slug=f"{prefix}-point-mensuel",
            start_date=days[0],
            repeat="monthly",
            repeat_weekdays="TH",
            repeat_week_of_month=1,
            repeat_count=6,
            latitude="43.6155",
            longitude="3.8397",
            occurrence_changes=[
                OccurrenceChange(original_date=days[1], change="excluded"),
                OccurrenceChange(original_date=days[2], change="cancelled"),
                OccurrenceChange(
                    original_date=days[3],
                    change="moved",
                    new_date=days[3] + datetime.timedelta(days=1),
                    new_start_time=datetime.time(14, 0),
                    new_end_time=datetime.time(16, 0),
                ),
            ],
        )
    )
    return made


def selection(agenda):
    return agenda_events(agenda).select_related("locale").order_by("starts_at")


def written_by_icalendar(agenda, base_url):
    cal = ical.calendar(selection(agenda), lambda event: f"{base_url}{event.slug}/", name="Agenda")
    content = ical.to_bytes(cal)
    assert content == cal.to_ical()  # the quick folding folds as icalendar does
    return content


@pytest.mark.django_db
def test_the_feed_is_the_calendar_icalendar_writes_cold_or_from_the_cache(agenda, make_event):
    make_events(make_event, 6, "a")
    base_url = "http://localhost/agenda/"
    expected = without_stamps(written_by_icalendar(agenda, base_url))
    assert expected.count(b"BEGIN:VEVENT") == 9  # 6 singles, the rule, 2 changed dates
    assert b"RECURRENCE-ID" in expected and b"EXDATE" in expected
    cache.clear()
    cold = ical.feed(selection(agenda), base_url, name="Agenda")
    warm = ical.feed(selection(agenda), base_url, name="Agenda")
    assert without_stamps(cold) == expected
    assert without_stamps(warm) == expected
    assert len(STAMP.findall(warm)) == 9 and b"19700101" not in warm


@pytest.mark.django_db
def test_an_edited_event_is_written_again_in_the_feed(client, agenda, make_event):
    events = make_events(make_event, 2, "b")
    url = agenda.url + "calendrier/"
    client.get(url)
    first = events[0]
    first.title = "Réunion déplacée à Lodève"
    first.city = "Lodève"
    first.save_revision().publish()
    series = events[-1]
    series.occurrence_changes.all()[0].delete()
    content = client.get(url).content
    assert b"SUMMARY:R\xc3\xa9union d\xc3\xa9plac\xc3\xa9e \xc3\xa0 Lod\xc3\xa8ve" in content
    assert b"b r\xc3\xa9union 0" not in content
    assert b"EXDATE" not in content  # the change deleted without publishing is read too
    expected = written_by_icalendar(agenda, agenda.get_full_url())
    assert without_stamps(content) == without_stamps(expected)


def feed_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


@pytest.mark.django_db
def test_the_feed_costs_the_same_queries_for_three_or_twelve_events(client, agenda, make_event):
    url = agenda.url + "calendrier/"
    make_events(make_event, 2, "c")
    cache.clear()
    few_cold = feed_queries(client, url)
    few_warm = feed_queries(client, url)
    for prefix in "def":
        make_events(make_event, 2, prefix)
    cache.clear()
    many_cold = feed_queries(client, url)
    many_warm = feed_queries(client, url)
    assert many_cold == few_cold
    assert many_warm == few_warm
    # Written from the cache, the events' pages are not read at all.
    assert many_warm < many_cold <= 14
