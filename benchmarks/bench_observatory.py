"""Benchmark of the observatory: ten years x nine facilitators x 500 operations a year (45,000
approved operations, bulk inserted), then, on the database named by DATABASE_URL (SQLite in a temp
dir by default; `make bench-observatory` runs it on SQLite and on a throwaway PostgreSQL):

- the observatory page through Django's test client, without filters (`page_*`) and filtered by a
  year and a territory (`filtered_page_*`);
- the open-data export: the yearly table as CSV (`export_csv_*`) and the territories' table as JSON
  (`export_json_*`);
- each of those again right after a purge of the site's cache generation (`uncached_*`): what the
  first request after a change of the operations costs (observatory.caching keeps the figures
  computed once per generation); the others are served from that cache;
- the baseline measured in the same run, in turn with the others: a plain content page of the site
  through the same test client (`baseline_page_*`); each median as a ratio of it (`*_ratio`);
- the yearly PDF report after a purge, a few runs only (`uncached_report_*`): WeasyPrint's layout.

Median and p95 in milliseconds. Target: p95 under 150 ms on PostgreSQL for the page and the export.

    .venv/bin/python benchmarks/bench_observatory.py [--per-year 500] [--runs 40] [--json FILE]
"""

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "site"))
sys.path.insert(0, str(ROOT))

YEARS = range(2016, 2026)
FACILITATORS = 9
TARGET_P95_MS = 150


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
        tmp = tempfile.mkdtemp(prefix="mics34-observatory-bench.")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        os.environ.setdefault("VAR_DIR", tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ.setdefault("TASKS_BACKEND", "immediate")
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)


def build(per_year, rng):
    """The site (home, a content page, the observatory page) and per_year operations for each
    facilitator and year, approved, in bulk. Returns (observatory page, content page, count)."""
    from django.core.management import call_command
    from django.db import transaction

    from wagtail.models import Locale, Site

    from directory.models import Commune
    from home.factories import ContentPageFactory, HomePageFactory
    from observatory.demo import ensure_observatory_page
    from observatory.models import BuyerKind, ClauseType, Operation, Sector, Status

    call_command("migrate", verbosity=0)
    call_command("load_territories", verbosity=0)
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    site = Site.objects.get(is_default_site=True)
    home = HomePageFactory(parent=site.root_page.get_parent(), slug="accueil-bench", locale=fr)
    site.root_page = home
    site.save()
    content = ContentPageFactory(parent=home, slug="page-simple", title="Une page simple")
    observatory = ensure_observatory_page(home)
    communes = list(Commune.objects.values_list("code", flat=True))
    # Each facilitator serves a handful of communes.
    territories = [rng.sample(communes, 8) for _ in range(FACILITATORS)]
    count = 0
    with transaction.atomic():
        for year in YEARS:
            operations = []
            for facilitator in range(FACILITATORS):
                for number in range(per_year):
                    planned = rng.randint(200, 4000)
                    participants = rng.randint(1, 12)
                    operations.append(
                        Operation(
                            year=year,
                            facilitator_id=facilitator + 1,
                            territory_code=rng.choice(territories[facilitator]),
                            # A third of the contracts run over the next year too.
                            contract_reference=f"F{facilitator}-{year - (number % 3 == 0)}-{number}",
                            buyer_name=f"Acheteur {number % 60}",
                            buyer_kind=rng.choice(BuyerKind.values),
                            contract_object=f"Marché {number}",
                            sector=rng.choice(Sector.values),
                            clause_type=rng.choice(ClauseType.values),
                            hours_planned=planned,
                            hours_achieved=int(planned * rng.uniform(0.6, 1.1)),
                            participants=participants,
                            public_long_term_jobseekers=participants,
                            status=Status.APPROVED,
                        )
                    )
            Operation.objects.bulk_create(operations, batch_size=2000)
            count += len(operations)
    return observatory, content, count


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return (time.perf_counter() - start) * 1000, result


def measure(observatory, content, runs, report_runs, rng):
    """Every measure in turn within each run, so that what the rest of the machine does touches
    them alike; the first three runs warm the caches and are not kept. First with the figures in
    the cache (observatory.caching), then each request right after a purge of the generation."""
    from django.test import Client

    from core.cache.generation import purge
    from observatory.models import Operation

    client = Client(HTTP_HOST="localhost")
    codes = sorted(set(Operation.objects.values_list("territory_code", flat=True)))
    targets = {
        "page": lambda: observatory.url,
        "filtered_page": lambda: (
            f"{observatory.url}?annee={rng.choice(YEARS)}&territoire={rng.choice(codes)}"
        ),
        "export_csv": lambda: f"{observatory.url}donnees/annees/csv/",
        "export_json": lambda: f"{observatory.url}donnees/territoires/json/",
    }
    times = {"baseline_page": []}
    times.update({name: [] for name in targets})
    times.update({f"uncached_{name}": [] for name in targets})
    # Cached: the filtered page takes its year and territory from a fixed few, as visitors
    # following the links do.
    fixed = [targets["filtered_page"]() for _ in range(3)]
    for run in range(runs + 3):
        for name, url in [("baseline_page", lambda: content.url), *targets.items()]:
            address = fixed[run % 3] if name == "filtered_page" else url()
            elapsed, response = timed(client.get, address)
            assert response.status_code == 200, (name, response.status_code)
            if run >= 3:
                times[name].append(elapsed)
    for run in range(runs + 3):
        elapsed, response = timed(client.get, content.url)
        if run >= 3:
            times["baseline_page"].append(elapsed)
        for name, url in targets.items():
            purge()
            elapsed, response = timed(client.get, url())
            assert response.status_code == 200, (name, response.status_code)
            if run >= 3:
                times[f"uncached_{name}"].append(elapsed)
    times["uncached_report"] = []
    for run in range(report_runs + 1):
        purge()
        elapsed, response = timed(client.get, f"{observatory.url}rapport-annuel/{max(YEARS)}/")
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        if run >= 1:
            times["uncached_report"].append(elapsed)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-year", type=int, default=500, help="operations per facilitator/year")
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--report-runs", type=int, default=5)
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()
    setup_django()
    from django.conf import settings
    from django.db import connection

    rng = random.Random(34)
    start = time.perf_counter()
    observatory, content, count = build(args.per_year, rng)
    times = measure(observatory, content, args.runs, args.report_runs, rng)
    baseline = statistics.median(times["baseline_page"])
    figures = {
        "database": connection.vendor,
        "operations": count,
        "runs": args.runs,
        "build_s": round(time.perf_counter() - start, 1),
        "debug": settings.DEBUG,
    }
    for name, values in times.items():
        figures.update(summary(name, values))
        if name != "baseline_page":
            figures[f"{name}_ratio"] = round(statistics.median(values) / baseline, 2)
    watched = ("page", "filtered_page", "export_csv", "export_json")
    figures["uncached_target_met"] = all(
        figures[f"uncached_{name}_p95_ms"] < TARGET_P95_MS for name in watched
    )
    figures["target_p95_ms"] = TARGET_P95_MS
    figures["target_met"] = all(figures[f"{name}_p95_ms"] < TARGET_P95_MS for name in watched)
    text = json.dumps(figures, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n")


if __name__ == "__main__":
    main()
