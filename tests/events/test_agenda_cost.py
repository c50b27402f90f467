"""What the agenda's list and month view cost (issue 9's targets at 5,000 events,
benchmarks/bench_events.py): their queries do not grow with the number of events, dates or series
shown; once the visible events are known for the generation, an anonymous visitor's list reads the
event pages of its own dates only; a page privacy added to an event takes it out of the public's
list at once. And the feed's VEVENTs written from the rows (events.ical.written_from_row) are the
ones icalendar writes, tricky texts and rules included."""

import datetime
import random

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest
from icalendar.parser.string import _foldline

from core.network import NETWORK
from events import ical

from .conftest import days_from_now
from .test_ical_feed_cost import selection, without_stamps, written_by_icalendar


def queries_of(client, url, data=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data or {})
    assert response.status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def add_events(make_event, prefix, singles, series=1):
    for n in range(singles):
        make_event(
            title=f"{prefix} réunion {n}",
            slug=f"{prefix}-reunion-{n}",
            start_date=days_from_now(1 + n),
            city=["Sète", "Agde", "Lunel"][n % 3],
        )
    for n in range(series):
        make_event(
            title=f"{prefix} permanence {n}",
            slug=f"{prefix}-permanence-{n}",
            start_date=days_from_now(2 + n),
            repeat="weekly",
            repeat_count=8,
        )


def month_url(agenda):
    return agenda.url + agenda.reverse_subpage("month_view")


@pytest.mark.django_db
@pytest.mark.parametrize("signed_in", [False, True], ids=["public", "member"])
def test_the_list_and_the_month_cost_the_same_queries_for_few_or_many_events(
    client, django_user_model, agenda, make_event, signed_in
):
    if signed_in:
        member = django_user_model.objects.create_user("membre", "m@example.org", "x" * 16)
        member.groups.add(Group.objects.get(name=NETWORK))
        client.force_login(member)
    month = {"mois": f"{days_from_now(3):%Y-%m}"}
    add_events(make_event, "a", 2)
    client.get(agenda.url)  # what a first request of the process creates (settings' rows...)
    client.get(month_url(agenda), month)
    cache.clear()
    few = [len(queries_of(client, agenda.url)), len(queries_of(client, month_url(agenda), month))]
    # 26 more single events and 2 more series: two pages of 20 dates, a busier month.
    add_events(make_event, "b", 26, series=2)
    cache.clear()
    many = [len(queries_of(client, agenda.url)), len(queries_of(client, month_url(agenda), month))]
    assert many == few
    assert len(queries_of(client, agenda.url, {"page": "2"})) <= few[0]


@pytest.mark.django_db
def test_a_public_list_reads_only_the_event_pages_of_its_own_dates(client, agenda, make_event):
    add_events(make_event, "c", 25)
    client.get(agenda.url)  # the visible events, the communes and the past years, kept
    listed = [sql for sql in queries_of(client, agenda.url) if '"events_eventpage"' in sql]
    assert len(listed) == 1
    # The page's 20 dates' events, by id: no join of every date to its page and its privacy.
    assert '"events_eventoccurrence"' not in listed[0]
    month = [
        sql
        for sql in queries_of(client, month_url(agenda), {"mois": f"{days_from_now(3):%Y-%m}"})
        if '"events_eventpage"' in sql
    ]
    assert len(month) == 1


@pytest.mark.django_db
def test_a_page_privacy_added_to_an_event_takes_it_out_of_the_public_list_at_once(
    client, agenda, make_event
):
    add_events(make_event, "d", 3, series=0)
    assert "d réunion 1" in client.get(agenda.url).content.decode()
    event = agenda.get_children().get(slug="d-reunion-1")
    restriction = PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=NETWORK))
    content = client.get(agenda.url).content.decode()
    assert "d réunion 1" not in content and "d réunion 2" in content
    month = client.get(month_url(agenda), {"mois": f"{days_from_now(2):%Y-%m}"})
    assert "d réunion 1" not in month.content.decode()


@pytest.mark.django_db
def test_the_vevents_written_from_the_rows_are_those_icalendar_writes(agenda, make_event):
    long_text = (
        "Présentation des clauses sociales; des marchés réservés, des achats responsables\n"
        "et du guide « Acheter inclusif » : 30 € la journée \\ repas compris; "
    ) * 3
    make_event(
        title="Réunion; acheteurs, facilitateurs \\ SIAE",
        slug="texte-difficile",
        start_date=days_from_now(10),
        summary=long_text,
        venue="Salle «\u00a0Jean Moulin\u00a0», 2e étage",
        latitude="43.610769",
        longitude="3.876716",
    )
    make_event(
        slug="en-ligne",
        start_date=days_from_now(11),
        venue="",
        city="",
        online_url="https://visio.example.org/salle?x=1;y=2",
        start_time=None,
        end_time=None,
        end_date=days_from_now(13),
    )
    make_event(slug="annule", start_date=days_from_now(12), status="cancelled")
    make_event(
        slug="passe-en-ligne",
        start_date=days_from_now(12),
        status="moved_online",
        online_url="https://visio.example.org/b",
    )
    monday = days_from_now(14 + (7 - days_from_now(14).weekday()) % 7)
    make_event(
        slug="quinzaine",
        start_date=monday,
        start_time=datetime.time(9, 0),
        end_time=datetime.time(10, 30),
        repeat="weekly",
        repeat_interval=2,
        repeat_weekdays="MO,TH",
        repeat_until=days_from_now(120),
    )
    make_event(
        slug="mensuel-journee",
        start_date=days_from_now(15),
        start_time=None,
        end_time=None,
        repeat="monthly",
        repeat_until=days_from_now(200),
    )
    base_url = "http://localhost/agenda/"
    expected = without_stamps(written_by_icalendar(agenda, base_url))
    assert expected.count(b"BEGIN:VEVENT") == 6 and b"\r\n " in expected  # folded lines
    cache.clear()
    assert without_stamps(ical.feed(selection(agenda), base_url, name="Agenda")) == expected


def test_lines_are_folded_where_icalendar_folds_them():
    assert ical._folded("DTSTAMP:19700101T000000Z") == ical._dtstamp_line(
        ical.STAMP_PLACEHOLDER
    ).removesuffix(b"\r\n")
    alphabet = "ab;,\\^é€😀 "
    generator = random.Random(34)
    for _ in range(3000):
        line = "".join(generator.choice(alphabet) for _ in range(generator.randint(70, 240)))
        assert ical._folded(line) == _foldline(line).encode(), line
