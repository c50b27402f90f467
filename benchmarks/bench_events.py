"""Benchmark of the agenda with a 200-date series: a weekly meeting of 200 dates (100 past, 100 to
come) among single events, on the database named by DATABASE_URL (SQLite in a temp dir by default;
benchmarks/events.sh runs it on SQLite and on a throwaway PostgreSQL):

- publishing the series (its 200 dates written as rows, `publish_s`) and publishing it again with a
  new time (every row rewritten, `republish_s`);
- through Django's test client: the agenda's list (`list_*`), its month view (`month_*`), the series'
  page with its next dates (`series_*`), one date's page (`date_*`), the series' .ics (`ics_*`), the
  agenda's feed (`feed_*`), and the members' home section of the next network meetings computed
  for a member (`members_*`);
- the baseline measured in the same runs, in turn with the others: a plain content page of the site
  through the same client (`baseline_page_*`); each measure's median as a ratio of it (`*_ratio`).

Median and p95 in milliseconds. Targets of issue 9: p95 under 100 ms on PostgreSQL for the agenda
pages, the feed under 300 ms.

    .venv/bin/python benchmarks/bench_events.py [--dates 200] [--singles 300] [--runs 40] [--json FILE]
"""

import argparse
import datetime
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "site"))
sys.path.insert(0, str(ROOT))


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def summary(prefix, times):
    return {
        f"{prefix}_median_ms": round(statistics.median(times), 1),
        f"{prefix}_p95_ms": round(percentile(times, 0.95), 1),
    }


def setup_django():
    if not os.environ.get("DATABASE_URL"):
        tmp = tempfile.mkdtemp(prefix="mics34-events-bench.")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        os.environ.setdefault("VAR_DIR", tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ.setdefault("TASKS_BACKEND", "immediate")
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)


def build(dates, singles):
    """The site (home, a content page, the agenda), `singles` single events over two years and a
    weekly series of `dates` dates centred on today. Returns (agenda, content, series, figures)."""
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection

    from wagtail.models import Locale, PageViewRestriction, Site

    from core.network import NETWORK
    from events.factories import AgendaPageFactory, EventPageFactory
    from events.models import EventPage
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
    today = datetime.date.today()
    start = time.perf_counter()
    for number in range(singles):
        day = today + datetime.timedelta(days=(number * 7) % 730 - 365)
        event = EventPageFactory(
            parent=agenda,
            slug=f"evenement-{number}",
            kind=["promotion", "buyers_meeting", "training", "webinar"][number % 4],
            city=["Montpellier", "Béziers", "Sète", "Lodève"][number % 4],
            start_date=day,
        )
        event.save_revision().publish()
    singles_s = time.perf_counter() - start
    first = today - datetime.timedelta(weeks=dates // 2)
    series = EventPageFactory(
        parent=agenda,
        title="Permanence hebdomadaire des facilitateurs",
        slug="permanence",
        start_date=first,
        repeat="weekly",
        repeat_count=dates,
    )
    start = time.perf_counter()
    series.save_revision().publish()
    publish_s = time.perf_counter() - start
    series = EventPage.objects.get(pk=series.pk)
    assert series.occurrences.count() == dates, series.occurrences.count()
    series.start_time = datetime.time(10, 0)
    series.end_time = datetime.time(12, 30)
    start = time.perf_counter()
    series.save_revision().publish()
    republish_s = time.perf_counter() - start
    # One meeting reserved to the network, for the members' section.
    network = EventPageFactory(
        parent=agenda, slug="reseau", kind="technical", start_date=today + datetime.timedelta(7)
    )
    network.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=network, restriction_type="groups")
    restriction.groups.add(Group.objects.get(name=NETWORK))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    figures = {
        "singles_publish_s": round(singles_s, 1),
        "publish_s": round(publish_s, 2),
        "republish_s": round(republish_s, 2),
    }
    return agenda, content, EventPage.objects.get(pk=series.pk), figures


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return (time.perf_counter() - start) * 1000, result


def measure(agenda, content, series, runs):
    """Every measure in turn within each run; the first three runs warm the caches, not kept."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client, RequestFactory

    from core.network import NETWORK
    from core.sections import members_sections

    client = Client(HTTP_HOST="localhost")
    today = datetime.date.today()
    dates = list(series.occurrences.filter(start_date__gte=today)[:1])
    date_url = dates[0].url
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
        "month": (month_url, {"mois": f"{today:%Y-%m}"}),
        "series": (series.url, {}),
        "date": (date_url, {}),
        "ics": (series.url + "calendrier/", {}),
        "feed": (feed_url, {}),
    }
    times = {name: [] for name in (*targets, "members")}
    for run in range(runs + 3):
        measured = {}
        for name, (url, data) in targets.items():
            measured[name], response = timed(client.get, url, data)
            assert response.status_code == 200, (name, url, response.status_code)
        measured["members"], context = timed(section.context, request, None)
        assert [item.event.slug for item in context["items"]] == ["reseau"]
        if run >= 3:
            for name, value in measured.items():
                times[name].append(value)
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dates", type=int, default=200)
    parser.add_argument("--singles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()
    setup_django()
    from django.db import connection

    agenda, content, series, built = build(args.dates, args.singles)
    times = measure(agenda, content, series, args.runs)
    baseline = statistics.median(times["baseline_page"])
    figures = {
        "database": connection.vendor,
        "dates": args.dates,
        "singles": args.singles,
        "runs": args.runs,
        **built,
    }
    for name, values in times.items():
        figures |= summary(name, values)
        if name != "baseline_page":
            figures[f"{name}_ratio"] = round(statistics.median(values) / baseline, 2)
    print(json.dumps(figures, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
