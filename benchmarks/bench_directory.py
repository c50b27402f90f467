"""Benchmark of the actors' directory: 20,000 generated actors of the Hérault (bulk inserts, the search
index built with the backend's bulk API), then, on the database named by DATABASE_URL (SQLite in a temp
dir by default; benchmarks/directory.sh runs it on SQLite and on a throwaway PostgreSQL):

- the directory search with three filters (kind, sector, territory) and with words and the same three
  filters: the results' page, their count and the counts of every filter (`search_*`, `words_*`), and
  the whole list page through Django's test client (`page_*`);
- "Qui peut m'aider ?": the commune typed as a visitor types it (name, "St", postal code, EPCI), resolved
  (`lookup_*`), the autocomplete's suggestions (`suggest_*`), and the facilitator page (`facilitator_*`);
- the baseline measured in the same run, in turn with the others: a plain content page of the site
  through the same test client (`baseline_page_*`); each page's median as a ratio of it (`*_ratio`);
- the map view's payload: what a browser downloads for it (page, scripts, styles, the outlines, the
  points of the search), raw and gzipped.

Median and p95 in milliseconds. Target: p95 under 100 ms on PostgreSQL for the search with three
filters and for the commune lookup.

    .venv/bin/python benchmarks/bench_directory.py [--actors 20000] [--runs 60] [--json FILE]
"""

import argparse
import gzip
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "site"))
sys.path.insert(0, str(ROOT))

from timing import setup_django, summaries, timed  # noqa: E402

# What a visitor types in "Qui peut m'aider ?": names with and without accents or hyphens, "St",
# postal codes, an EPCI's name, a label picked from the autocomplete.
TYPED_COMMUNES = [
    "Saint-Jean-de-Védas",
    "st jean de vedas",
    "34400",
    "montpellier",
    "Pézenas",
    "Lunel (34400)",
    "beziers",
    "Lunel Agglo",
    "Pays de l'Or",
    "Sète",
    "34270",
]
SUGGEST_PREFIXES = ["st j", "mont", "bez", "lun", "3440", "pe", "sète", "clap"]
WORDS = [
    "insertion",
    "bâtiment",
    "espaces",
    "verts",
    "propreté",
    "nettoyage",
    "restauration",
    "chantier",
    "atelier",
    "recyclage",
    "menuiserie",
    "peinture",
    "second",
    "œuvre",
    "blanchisserie",
    "logistique",
    "numérique",
    "accompagnement",
    "emploi",
    "qualification",
    "formation",
    "environnement",
    "entretien",
]


def build(count, rng):
    """The site (home, a content page, the directory page) and `count` actors with their sectors and
    territories, in bulk. Returns (directory page, content page, seconds)."""
    from django.core.management import call_command
    from django.db import transaction

    from wagtail.models import Locale, Site

    from directory.factories import DirectoryPageFactory, valid_siret
    from directory.models import EPCI, HERAULT_BOUNDS, Actor, ActorKind, Commune, Sector
    from home.factories import ContentPageFactory, HomePageFactory

    call_command("migrate", verbosity=0)
    call_command("load_territories", verbosity=0)
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    home = HomePageFactory(parent=welcome.get_parent(), slug="accueil-bench", locale=fr)
    site.root_page = home
    site.save()
    content = ContentPageFactory(parent=home, slug="page-simple", title="Une page simple")
    directory = DirectoryPageFactory(parent=home, locale=fr)
    communes = list(Commune.objects.values_list("code", flat=True))
    epcis = list(EPCI.objects.values_list("code", flat=True))
    sectors = list(Sector.objects.values_list("pk", flat=True))
    kinds = [kind for kind in ActorKind.values if kind != ActorKind.FACILITATOR]
    bounds = HERAULT_BOUNDS
    start = time.perf_counter()
    batch = 2000
    with transaction.atomic():
        for first in range(0, count, batch):
            actors = []
            for number in range(first, min(first + batch, count)):
                kind = ActorKind.FACILITATOR if number % 100 == 0 else rng.choice(kinds)
                words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 30)))
                actors.append(
                    Actor(
                        name=f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {number}",
                        slug=f"acteur-{number}",
                        kind=kind,
                        description=words,
                        siret=valid_siret(50_000_000_000 + number),
                        commune_id=rng.choice(communes),
                        latitude=rng.uniform(bounds["south"] + 0.05, bounds["north"] - 0.05),
                        longitude=rng.uniform(bounds["west"] + 0.05, bounds["east"] - 0.05),
                        offers_services=rng.random() < 0.6,
                        offers_goods=rng.random() < 0.3,
                        offers_staff_provision=rng.random() < 0.3,
                        whole_departement=rng.random() < 0.03,
                    )
                )
            created = Actor.objects.bulk_create(actors)
            Actor.sectors.through.objects.bulk_create(
                [
                    Actor.sectors.through(actor_id=actor.pk, sector_id=sector)
                    for actor in created
                    for sector in rng.sample(sectors, rng.randint(1, 3))
                ]
            )
            Actor.communes.through.objects.bulk_create(
                [
                    Actor.communes.through(actor_id=actor.pk, commune_id=code)
                    for actor in created
                    if not actor.whole_departement
                    for code in rng.sample(communes, rng.randint(1, 4))
                ]
            )
            Actor.epcis.through.objects.bulk_create(
                [
                    Actor.epcis.through(actor_id=actor.pk, epci_id=rng.choice(epcis))
                    for actor in created
                    if rng.random() < 0.2
                ]
            )
    return directory, content, time.perf_counter() - start


def build_index(chunk=1000):
    from django.db import connection

    from wagtail.search.backends import get_search_backend

    from directory.models import Actor

    backend = get_search_backend()
    index = backend.get_index_for_model(Actor)
    start = time.perf_counter()
    ids = list(Actor.objects.order_by("pk").values_list("pk", flat=True))
    for first in range(0, len(ids), chunk):
        index.add_items(Actor, list(Actor.objects.filter(pk__in=ids[first : first + chunk])))
    # Fresh statistics, as after any bulk load (see bench_search_corpus.build_index).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - start


def measure(directory, content, runs, rng):
    """Every measure in turn within each run, so that what the rest of the machine does touches
    them alike; the first three runs warm the caches and are not kept."""
    from django.http import QueryDict
    from django.test import Client

    from directory import lookup
    from directory.models import EPCI, Commune, Sector
    from directory.search import PAGE_SIZE, facet_counts, read_params, run_search

    client = Client(HTTP_HOST="localhost")
    sectors = list(Sector.objects.values_list("slug", flat=True))
    territories = list(Commune.objects.values_list("code", flat=True)) + list(
        EPCI.objects.values_list("code", flat=True)
    )
    kinds = ["ei", "aci", "esat", "ea", "geiq", "etti", "ai"]
    times = {
        name: []
        for name in (
            "baseline_page",
            "search",
            "words",
            "page",
            "lookup",
            "suggest",
            "facilitator",
        )
    }
    counts = []
    facilitator_url = directory.url + "facilitateur/"

    def search(data):
        params = read_params(data)
        results = run_search(params)
        page = list(results[:PAGE_SIZE])
        total = results.count()
        facets = facet_counts(params, results)
        assert facets and len(page) <= PAGE_SIZE
        return total

    for run in range(runs + 3):
        filters = {
            "type": rng.choice(kinds),
            "secteur": rng.choice(sectors),
            "territoire": rng.choice(territories),
        }
        data = QueryDict(mutable=True)
        data.update(filters)
        with_words = QueryDict(mutable=True)
        with_words.update({**filters, "q": rng.choice(WORDS)})
        typed = TYPED_COMMUNES[run % len(TYPED_COMMUNES)]
        prefix = SUGGEST_PREFIXES[run % len(SUGGEST_PREFIXES)]
        measured = {}
        measured["baseline_page"], response = timed(client.get, content.url)
        assert response.status_code == 200, response.status_code
        measured["search"], total = timed(search, data)
        measured["words"], _total = timed(search, with_words)
        measured["page"], response = timed(client.get, directory.url, data)
        assert response.status_code == 200, response.status_code
        measured["lookup"], found = timed(lookup.resolve, typed)
        assert found.commune or found.epci or found.candidates, typed
        measured["suggest"], suggestions = timed(lookup.suggestions, prefix)
        assert suggestions, prefix
        measured["facilitator"], response = timed(client.get, facilitator_url, {"commune": typed})
        assert response.status_code == 200, (typed, response.status_code)
        if run >= 3:
            for name, value in measured.items():
                times[name].append(value)
            counts.append(total)
    return times, counts


def map_payload(directory):
    """Bytes a browser downloads for the map view of the whole directory: the page, its scripts and
    styles (from the static files), the commune outlines and the points."""
    from django.contrib.staticfiles import finders
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    page = client.get(directory.url, {"vue": "carte"}).content
    points = client.get(directory.url + "points/").content
    statics = [
        "directory/vendor/leaflet/leaflet.js",
        "directory/vendor/leaflet/leaflet.css",
        "directory/vendor/markercluster/leaflet.markercluster.js",
        "directory/vendor/markercluster/MarkerCluster.css",
        "directory/vendor/markercluster/MarkerCluster.Default.css",
        "directory/js/map.js",
        "directory/js/commune-combobox.js",
        "directory/css/directory.css",
    ]
    parts = {"page": page, "points": points}
    parts["outlines"] = Path(finders.find("directory/herault-communes.geojson")).read_bytes()
    parts["scripts_and_styles"] = b"".join(
        Path(finders.find(name)).read_bytes() for name in statics
    )
    figures = {f"{name}_kib": round(len(data) / 1024, 1) for name, data in parts.items()} | {
        f"{name}_gzip_kib": round(len(gzip.compress(data)) / 1024, 1)
        for name, data in parts.items()
    }
    figures["total_kib"] = round(sum(len(d) for d in parts.values()) / 1024, 1)
    figures["total_gzip_kib"] = round(sum(len(gzip.compress(d)) for d in parts.values()) / 1024, 1)
    figures["points"] = len(json.loads(points)["points"])
    return figures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()
    setup_django("directory")
    from django.db import connection

    rng = random.Random(34)
    directory, content, generated = build(args.actors, rng)
    indexed = build_index()
    times, counts = measure(directory, content, args.runs, rng)
    figures = {
        "database": connection.vendor,
        "actors": args.actors,
        "generation_s": round(generated, 1),
        "indexing_s": round(indexed, 1),
        "runs": args.runs,
        "median_results_three_filters": statistics.median(counts),
        **summaries(times, "baseline_page"),
    }
    figures["map_payload"] = map_payload(directory)
    print(json.dumps(figures, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
