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
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "site"))
sys.path.insert(0, str(ROOT))

WORDS = [
    "marché",
    "public",
    "clause",
    "sociale",
    "insertion",
    "professionnelle",
    "acheteur",
    "entreprise",
    "heures",
    "chantier",
    "bâtiment",
    "travaux",
    "réservé",
    "handicap",
    "structure",
    "adaptée",
    "ESAT",
    "SIAE",
    "facilitateur",
    "critère",
    "attribution",
    "condition",
    "exécution",
    "emploi",
    "demandeurs",
    "durée",
    "longue",
    "jeunes",
    "formation",
    "qualification",
    "contrat",
    "apprentissage",
    "observatoire",
    "bilan",
    "département",
    "Hérault",
    "commune",
    "région",
    "hôpital",
    "bailleur",
    "social",
    "nettoyage",
    "espaces",
    "verts",
    "restauration",
    "collective",
    "propreté",
    "numérique",
    "accompagnement",
    "parcours",
    "suivi",
    "pénalité",
    "engagement",
    "offre",
    "candidat",
    "lot",
    "allotissement",
    "sourcing",
    "plan",
    "achats",
    "durables",
    "schéma",
    "promotion",
    "responsable",
    "obligation",
    "seuils",
    "européens",
    "directive",
    "code",
    "commande",
]
QUERIES = [
    "clause insertion",
    "marché réservé",
    "handicap",
    "critère attribution",
    "bâtiment chantier",
]


SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "ca",
    "ce",
    "ci",
    "co",
    "da",
    "de",
    "di",
    "do",
    "fa",
    "fe",
    "fi",
    "la",
    "le",
    "li",
    "lo",
    "ma",
    "me",
    "mi",
    "mo",
    "na",
    "ne",
    "ni",
    "no",
    "pa",
    "pe",
    "pi",
    "po",
    "ra",
    "re",
    "ri",
    "ro",
    "sa",
    "se",
    "si",
    "so",
    "ta",
    "te",
    "ti",
    "to",
    "va",
    "ve",
    "vi",
]


def filler_words(rng, count=4000):
    """Made-up words, so that the domain's words are as rare in the text as in real notes."""
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(count)]


FILLER = filler_words(random.Random(1))


def sentence(rng, length):
    words = (rng.choice(WORDS) if rng.random() < 0.2 else rng.choice(FILLER) for _ in range(length))
    return " ".join(words).capitalize() + "."


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


def build(count, with_text, rng):
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from wagtail.documents import get_document_model
    from wagtail.models import Locale, Page, Site

    from resources.demo_data import AUDIENCES, LEGAL_REFERENCES, THEMES
    from resources.factories import ResourceIndexPageFactory
    from resources.models import (
        Audience,
        DocumentText,
        LegalReference,
        ResourceAttachment,
        ResourceKind,
        ResourcePage,
        Theme,
    )

    call_command("migrate", verbosity=0)
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    site = Site.objects.get(is_default_site=True)
    home = site.root_page
    hub = ResourceIndexPageFactory(parent=home, locale=fr)
    themes = [Theme.objects.create(slug=s, name=n, locale=fr) for s, n, _en in THEMES]
    audiences = [Audience.objects.create(slug=s, name=n, locale=fr) for s, n, _en in AUDIENCES]
    references = [
        LegalReference.objects.create(slug=s, name=n, url=u, locale=fr)
        for s, n, u in LEGAL_REFERENCES
    ]
    content_type = ContentType.objects.get_for_model(ResourcePage)
    kinds = ResourceKind.values
    now = timezone.now()
    start = time.perf_counter()
    batch = 2000
    with transaction.atomic():
        for first in range(0, count, batch):
            pages = []
            for number in range(first, min(first + batch, count)):
                title = sentence(rng, 7)[:-1]
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=f"ressource-{number}",
                        path=hub.path + _step(number + 1),
                        depth=hub.depth + 1,
                        numchild=0,
                        url_path=f"{hub.url_path}ressource-{number}/",
                        live=True,
                        has_unpublished_changes=False,
                        content_type=content_type,
                        locale=fr,
                        translation_key=uuid.uuid4(),
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
            Page.objects.bulk_create(pages)
            rows = []
            for page in pages:
                year = rng.randint(2019, 2026)
                body = json.dumps(
                    [
                        {
                            "type": "paragraph",
                            "value": "<p>" + " ".join(sentence(rng, 14) for _ in range(6)) + "</p>",
                            "id": str(uuid.uuid4()),
                        }
                    ]
                )
                rows.append(
                    (
                        page.pk,
                        rng.choice(kinds),
                        f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                        year,
                        sentence(rng, 25),
                        body,
                        "",
                        "",
                    )
                )
            table = ResourcePage._meta.db_table
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {table} (page_ptr_id, kind, date, year, summary, body, "
                    "source_url, source_label) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                    rows,
                )
            for relation, items, how_many in (
                ("themes", themes, 2),
                ("audiences", audiences, 2),
                ("legal_references", references, 1),
            ):
                through = getattr(ResourcePage, relation).through
                column = f"{items[0]._meta.model_name}_id"
                through.objects.bulk_create(
                    [
                        through(resourcepage_id=page.pk, **{column: item.pk})
                        for page in pages
                        for item in rng.sample(items, how_many)
                    ]
                )
        Page.objects.filter(pk=hub.pk).update(numchild=count)
        page_ids = list(
            ResourcePage.objects.order_by("pk").values_list("pk", flat=True)[:with_text]
        )
        Document = get_document_model()
        documents = Document.objects.bulk_create(
            [Document(title=f"Document {n}", file=f"documents/bench-{n}.pdf") for n in page_ids]
        )
        DocumentText.objects.bulk_create(
            [
                DocumentText(
                    document=document,
                    status="ok",
                    text=" ".join(sentence(rng, 16) for _ in range(40)),
                    extracted_at=now,
                )
                for document in documents
            ]
        )
        ResourceAttachment.objects.bulk_create(
            [
                ResourceAttachment(page_id=page_id, document=document, sort_order=0)
                for page_id, document in zip(page_ids, documents, strict=True)
            ]
        )
    generated = time.perf_counter() - start
    return hub, generated


def _step(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
    return text.rjust(4, "0")


def existing_hub(count):
    """The hub a previous run built in this database, when it holds `count` resources."""
    from django.core.management import call_command

    from resources.models import ResourceIndexPage, ResourcePage

    call_command("migrate", verbosity=0)
    hub = ResourceIndexPage.objects.first()
    if hub is None or ResourcePage.objects.child_of(hub).count() != count:
        return None
    return hub


def build_index(chunk=1000):
    from django.db.models import Prefetch

    from wagtail.search.backends import get_search_backend

    from resources.models import ResourceAttachment, ResourcePage

    backend = get_search_backend()
    index = backend.get_index_for_model(ResourcePage)
    start = time.perf_counter()
    ids = list(ResourcePage.objects.order_by("pk").values_list("pk", flat=True))
    for first in range(0, len(ids), chunk):
        pages = list(
            ResourcePage.objects.filter(pk__in=ids[first : first + chunk]).prefetch_related(
                "themes",
                "audiences",
                "legal_references",
                Prefetch(
                    "attachments",
                    queryset=ResourceAttachment.objects.select_related("document__extracted_text"),
                ),
            )
        )
        index.add_items(ResourcePage, pages)
    # Fresh statistics, as a deployment takes after a bulk load (README): without them SQLite runs
    # the full-text match once per index entry (a nested loop), seconds instead of milliseconds.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - start


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

    from home.matching import is_sqlite_backend
    from home.views import parse_search_query
    from resources.models import Theme
    from resources.search import (
        FACETS,
        PAGE_SIZE,
        base_queryset,
        read_params,
        with_french_inflections,
    )

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
            words = with_french_inflections(words)
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
