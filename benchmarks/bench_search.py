"""Search benchmark of the resource hub: 50,000 generated French resources (5,000 with the text of a
PDF), then the median and p95 latency of a search with two filters and its facet counts, on the
database named by DATABASE_URL (SQLite in a temp dir by default; benchmarks/search.sh runs it on SQLite
and on a throwaway PostgreSQL). Rows are written with bulk inserts and the index is built with the
search backend's bulk API (`add_items`), so a run takes minutes, not hours.

    .venv/bin/python benchmarks/bench_search.py [--resources 50000] [--with-text 5000] [--runs 60]
        [--reuse]   (with DATABASE_URL naming a database a previous run filled: measure only)
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

from bench_search_corpus import build, build_index, existing_hub  # noqa: E402

QUERIES = [
    "clause insertion",
    "marché réservé",
    "handicap",
    "critère attribution",
    "bâtiment chantier",
]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def setup_django():
    if not os.environ.get("DATABASE_URL"):
        tmp = tempfile.mkdtemp(prefix="mics34-search-bench.")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        os.environ.setdefault("VAR_DIR", tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ.setdefault("TASKS_BACKEND", "immediate")
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)


def measure(hub, runs, rng, with_filters=True):
    from django.http import QueryDict
    from django.test import Client

    from resources.models import Theme
    from resources.search import PAGE_SIZE, facet_counts, read_params, run_search

    theme_slugs = list(Theme.objects.values_list("slug", flat=True))
    cases = [
        (q, rng.choice(theme_slugs), rng.randint(2019, 2026))
        for q in QUERIES
        for _ in range(max(1, runs // len(QUERIES)))
    ]
    search_times, view_times, counts = [], [], []
    client = Client(HTTP_HOST="localhost")
    for index, (query, theme, year) in enumerate([cases[0]] * 3 + cases):
        data = QueryDict(mutable=True)
        data.update(
            {"q": query, "theme": theme, "annee": str(year)} if with_filters else {"q": query}
        )
        start = time.perf_counter()
        params = read_params(data, hub.locale)
        results = run_search(hub, params)
        page = list(results[:PAGE_SIZE])
        total = results.count()
        facets = facet_counts(hub, params, results)
        elapsed = time.perf_counter() - start
        view_start = time.perf_counter()
        response = client.get(hub.url, data)
        view_elapsed = time.perf_counter() - view_start
        assert response.status_code == 200, response.status_code
        assert facets and len(page) <= PAGE_SIZE
        if index >= 3:  # the first three warm the caches
            search_times.append(elapsed * 1000)
            view_times.append(view_elapsed * 1000)
            counts.append(total)
    return search_times, view_times, counts


def measure_baseline(hub, rng, runs):
    """The same searches through Wagtail's own search results, as the hub ran them before
    home.matching: the page, the count and each of the five facets from `backend.search()`, each
    running the full-text match again. Few runs: on SQLite each takes seconds."""
    from django.http import QueryDict

    from wagtail.search.backends import get_search_backend

    from core.search.matching import is_sqlite_backend
    from core.search.query import parse_search_query, stemmed
    from resources.models import Theme
    from resources.search import FACETS, PAGE_SIZE, base_queryset, read_params

    backend = get_search_backend()
    theme_slugs = list(Theme.objects.values_list("slug", flat=True))
    times = []
    for query in (QUERIES * runs)[:runs]:
        data = QueryDict(mutable=True)
        data.update(
            {"q": query, "theme": rng.choice(theme_slugs), "annee": str(rng.randint(2019, 2026))}
        )
        start = time.perf_counter()
        params = read_params(data, hub.locale)
        words = parse_search_query(params.query)
        if is_sqlite_backend(backend):
            words = stemmed(words)
        results = backend.search(words, base_queryset(hub, params), operator="and")
        list(results[:PAGE_SIZE])
        results.count()
        for page_field, _model in FACETS.values():
            results.facet(page_field)
        times.append((time.perf_counter() - start) * 1000)
    return times


def measure_site_search(runs):
    """The site-wide search page (/recherche/) for the same words: every live page of the language,
    tens of thousands of matches here."""
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    times = []
    for index, query in enumerate([QUERIES[0]] * 2 + QUERIES * max(1, runs // len(QUERIES))):
        start = time.perf_counter()
        response = client.get("/recherche/", {"q": query})
        elapsed = time.perf_counter() - start
        assert response.status_code == 200, response.status_code
        if index >= 2:
            times.append(elapsed * 1000)
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--resources", type=int, default=50_000)
    parser.add_argument("--with-text", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument(
        "--baseline-runs", type=int, default=5, help="searches through Wagtail's own results"
    )
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure again on the database named by DATABASE_URL when a previous run filled it",
    )
    args = parser.parse_args()
    setup_django()
    from django.db import connection

    rng = random.Random(34)
    hub = existing_hub(args.resources) if args.reuse else None
    if hub is None:
        hub, generated = build(args.resources, args.with_text, rng)
        indexed = build_index()
    else:
        generated = indexed = None
    baseline_times = measure_baseline(hub, rng, args.baseline_runs)
    search_times, view_times, counts = measure(hub, args.runs, rng)
    # The same words without filters: thousands of matches to rank and count.
    broad_times, _broad_views, broad_counts = measure(hub, max(10, args.runs // 3), rng, False)
    site_times = measure_site_search(max(10, args.runs // 3))
    figures = {
        "database": connection.vendor,
        "resources": args.resources,
        "with_pdf_text": args.with_text,
        "generation_s": round(generated, 1) if generated is not None else None,
        "indexing_s": round(indexed, 1) if indexed is not None else None,
        "queries": len(search_times),
        "median_results": statistics.median(counts),
        "search_median_ms": round(statistics.median(search_times), 1),
        "search_p95_ms": round(percentile(search_times, 0.95), 1),
        "baseline_median_ms": round(statistics.median(baseline_times), 1),
        "speedup_vs_baseline": round(
            statistics.median(baseline_times) / statistics.median(search_times), 1
        ),
        "page_median_ms": round(statistics.median(view_times), 1),
        "page_p95_ms": round(percentile(view_times, 0.95), 1),
        "unfiltered_median_results": statistics.median(broad_counts),
        "unfiltered_search_median_ms": round(statistics.median(broad_times), 1),
        "unfiltered_search_p95_ms": round(percentile(broad_times, 0.95), 1),
        "site_search_page_median_ms": round(statistics.median(site_times), 1),
        "site_search_page_p95_ms": round(percentile(site_times, 0.95), 1),
    }
    print(json.dumps(figures, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
