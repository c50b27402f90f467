"""Benchmark of the agenda at full scale (issue 9), on the database named by DATABASE_URL (SQLite in
a temp dir by default; benchmarks/events.sh runs it on SQLite and on a throwaway PostgreSQL):

- 5,000 events over five years (four years past, one to come): 4,800 single events, 199 weekly
  series of 26 dates whose starts spread over the five years, and one weekly series of 200 dates
  centred on today (10,174 dates in all); the singles and the short series written in bulk
  (`bulk_s`), the long series published through a revision (`publish_s`) and again with a new time
  (every row rewritten, `republish_s`);
- through Django's test client, every measure in turn within each run: the agenda's list
  (`list_*`), its second page (`list_page2_*`), its month view (`month_*`), the long series' page
  (`series_*`), one of its dates (`date_*`), its .ics (`ics_*`), the agenda's feed (`feed_*`: the
  coming year and the last 180 days, each event's VEVENTs from the cache as a calendar's repeated
  fetches find them) and the same feed written from nothing (`feed_cold_*`, the cache emptied
  first), the members' home section of the network's next meetings for a member
  (`members_*`), and the month view and the list right after a publish (`month_cold_*`,
  `list_cold_*`: a new page-cache generation, what the agenda keeps per generation read again;
  the other measures find it kept, as visitors between two publishes do);
- the baseline measured in the same runs, in turn with the others: a plain content page of the site
  through the same client (`baseline_page_*`); each measure's median as a ratio of it (`*_ratio`);
- on PostgreSQL, 200 registrations at the same moment for an event of 20 places (40 connections,
  under the temporary server's 50): exactly 20 confirmed and 180 on the waiting list, and the time
  for all of them to settle (`registrations_settle_ms`).

Median and p95 in milliseconds. Targets of issue 9: p95 under 100 ms on PostgreSQL for the agenda
pages, the feed under 300 ms.

    .venv/bin/python benchmarks/bench_events.py [--singles 4800] [--series 199] [--runs 30]
        [--json FILE]
"""

import argparse
import datetime
import json
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "site"))
sys.path.insert(0, str(ROOT))

from timing import setup_django, summaries, timed  # noqa: E402

YEARS_PAST = 4
SPAN_DAYS = 5 * 365
SERIES_DATES = 26
LONG_SERIES_DATES = 200
KINDS = ["promotion", "buyers_meeting", "training", "webinar", "technical", "coordination"]
CITIES = ["Montpellier", "Béziers", "Sète", "Lodève", "Lunel", "Agde", "Pézenas", "Ganges"]


def build(singles, series_count):
    """The site (home, a content page, the agenda) and its events. Returns (agenda, content, long
    series, figures)."""
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import override_settings
    from django.utils import timezone

    from wagtail.models import Locale, PageViewRestriction, Site

    from core.network import NETWORK
    from events.factories import AgendaPageFactory, EventPageFactory
    from events.models import EventOccurrence, EventPage
    from home.factories import ContentPageFactory, HomePageFactory

    call_command("migrate", verbosity=0)
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    site = Site.objects.get(is_default_site=True)
    home = HomePageFactory(parent=site.root_page.get_parent(), slug="accueil-bench", locale=fr)
    site.root_page = home
    site.save()
    content = ContentPageFactory(parent=home, slug="page-simple", title="Une page simple")
    agenda = AgendaPageFactory(parent=home, locale=fr)
    agenda.save_revision().publish()
    agenda = type(agenda).objects.get(pk=agenda.pk)
    today = datetime.date.today()
    first = today - datetime.timedelta(days=YEARS_PAST * 365)
    now = timezone.now()
    published = {"live": True, "first_published_at": now, "last_published_at": now}
    start = time.perf_counter()
    # In bulk: no search indexing nor reference index task per page (the measured pages use
    # neither), in one transaction.
    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=dummy), transaction.atomic():
        for number in range(singles):
            day = first + datetime.timedelta(days=number * SPAN_DAYS // singles)
            agenda.add_child(
                instance=EventPageFactory.build(
                    title=f"Réunion n° {number}",
                    slug=f"evenement-{number}",
                    kind=KINDS[number % len(KINDS)],
                    city=CITIES[number % len(CITIES)],
                    start_date=day,
                    **published,
                )
            )
        for number in range(series_count):
            day = first + datetime.timedelta(days=number * SPAN_DAYS // series_count)
            agenda.add_child(
                instance=EventPageFactory.build(
                    title=f"Permanence n° {number}",
                    slug=f"permanence-{number}",
                    kind="technical",
                    city=CITIES[number % len(CITIES)],
                    start_date=day,
                    repeat="weekly",
                    repeat_count=SERIES_DATES,
                    **published,
                )
            )
    bulk_s = time.perf_counter() - start
    series = EventPageFactory(
        parent=agenda,
        title="Permanence hebdomadaire des facilitateurs",
        slug="permanence",
        start_date=today - datetime.timedelta(weeks=LONG_SERIES_DATES // 2),
        repeat="weekly",
        repeat_count=LONG_SERIES_DATES,
    )
    start = time.perf_counter()
    series.save_revision().publish()
    publish_s = time.perf_counter() - start
    series = EventPage.objects.get(pk=series.pk)
    assert series.occurrences.count() == LONG_SERIES_DATES, series.occurrences.count()
    series.start_time = datetime.time(10, 0)
    series.end_time = datetime.time(12, 30)
    start = time.perf_counter()
    series.save_revision().publish()
    republish_s = time.perf_counter() - start
    # One meeting reserved to the network, for the members' section (not one of the 5,000).
    network = EventPageFactory(
        parent=agenda, slug="reseau", kind="technical", start_date=today + datetime.timedelta(7)
    )
    network.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=network, restriction_type="groups")
    restriction.groups.add(Group.objects.get(name=NETWORK))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    figures = {
        "events": EventPage.objects.live().public().count(),
        "recurring": EventPage.objects.live().public().exclude(repeat="").count(),
        "dates": EventOccurrence.objects.filter(event__in=EventPage.objects.public()).count(),
        "bulk_s": round(bulk_s, 1),
        "publish_s": round(publish_s, 2),
        "republish_s": round(republish_s, 2),
    }
    return agenda, content, EventPage.objects.get(pk=series.pk), figures


def measure(agenda, content, series, runs):
    """Every measure in turn within each run; the first three runs warm the caches, not kept."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.cache import cache
    from django.test import Client, RequestFactory

    from core.cache import purge
    from core.network import NETWORK
    from core.sections import members_sections

    client = Client(HTTP_HOST="localhost")
    today = datetime.date.today()
    date_url = series.occurrences.filter(start_date__gte=today).first().url
    month_url = agenda.url + agenda.reverse_subpage("month_view")
    feed_url = agenda.url + agenda.reverse_subpage("feed_view")
    member = get_user_model().objects.create_user("membre-bench", "m@example.org", "x" * 20)
    member.groups.add(Group.objects.get(name=NETWORK))
    section = next(s for s in members_sections() if s.key == "events")
    request = RequestFactory().get("/")
    request.user = member
    targets = {
        "baseline_page": (content.url, {}),
        "list": (agenda.url, {}),
        "list_page2": (agenda.url, {"page": "2"}),
        "month": (month_url, {"mois": f"{today:%Y-%m}"}),
        "series": (series.url, {}),
        "date": (date_url, {}),
        "ics": (series.url + "calendrier/", {}),
        "feed": (feed_url, {}),
    }
    times = {name: [] for name in (*targets, "feed_cold", "members", "month_cold", "list_cold")}
    feed_events = 0
    for run in range(runs + 3):
        measured = {}
        for name, (url, data) in targets.items():
            measured[name], response = timed(client.get, url, data)
            assert response.status_code == 200, (name, url, response.status_code)
            if name == "feed":
                feed_events = response.content.count(b"BEGIN:VEVENT")
        cache.clear()
        measured["feed_cold"], response = timed(client.get, feed_url)
        assert response.content.count(b"BEGIN:VEVENT") == feed_events
        measured["members"], context = timed(section.context, request, None)
        assert [item.event.slug for item in context["items"]] == ["reseau"]
        # Right after a publish (a new page-cache generation): what the agenda keeps per generation
        # (the visible events, the communes, the past years) read again. The list last, so that
        # the next run's pages find the generation's values as visitors between publishes do.
        for name in ("month_cold", "list_cold"):
            purge()
            url, data = targets[name.removesuffix("_cold")]
            measured[name], response = timed(client.get, url, data)
            assert response.status_code == 200, (name, response.status_code)
        if run >= 3:
            for name, value in measured.items():
                times[name].append(value)
    return times, feed_events


def registrations_race(agenda, attempts=200, places=20, workers=40):
    """`attempts` registrations released at the same moment on `workers` connections for an event
    of `places` places with a waiting list. Returns the figures; fails unless exactly `places`
    are confirmed."""
    from django.db import connection

    from events import booking
    from events.factories import EventPageFactory
    from events.models import Registration

    event = EventPageFactory(
        parent=agenda,
        slug="course-aux-places",
        start_date=datetime.date.today() + datetime.timedelta(30),
        registration_enabled=True,
        capacity=places,
        waiting_list=True,
    )
    event.save_revision().publish()
    go = threading.Event()
    ready = threading.Barrier(workers + 1)

    def attempt(index):
        try:
            if index < workers:
                ready.wait()
            go.wait()
            registration, _ = booking.register(
                event, name=f"P{index}", email=f"p{index}@example.org", language="fr"
            )
            return registration.status
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(attempt, index) for index in range(attempts)]
        ready.wait()
        start = time.perf_counter()
        go.set()
        statuses = [future.result() for future in futures]
        settle_ms = (time.perf_counter() - start) * 1000
    confirmed = Registration.objects.filter(event=event, status="confirmed").count()
    waiting = Registration.objects.filter(event=event, status="waiting").count()
    assert confirmed == places and statuses.count("confirmed") == places, (confirmed, statuses)
    assert waiting == attempts - places, waiting
    return {
        "registrations_attempts": attempts,
        "registrations_places": places,
        "registrations_connections": workers,
        "registrations_confirmed": confirmed,
        "registrations_waiting": waiting,
        "registrations_settle_ms": round(settle_ms, 1),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--singles", type=int, default=4800)
    parser.add_argument("--series", type=int, default=199)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()
    setup_django("events")
    from django.db import connection

    agenda, content, series, built = build(args.singles, args.series)
    times, feed_events = measure(agenda, content, series, args.runs)
    figures = {
        "database": connection.vendor,
        "runs": args.runs,
        **built,
        "feed_vevents": feed_events,
        **summaries(times, "baseline_page"),
    }
    if connection.vendor == "postgresql":
        figures |= registrations_race(agenda)
    print(json.dumps(figures, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
