"""Benchmark of the network's space (members/): the contracts register's list with 2,000 contracts
and the members' home, through Django's test client, on the database named by DATABASE_URL (SQLite
in a temp dir by default; on PostgreSQL with scripts/pg-temp.sh):

- `register_coordination`: the register's list as the coordination (every contract: the count and
  the first page of 50), `register_facilitator`: as a facilitator of one EPCI (its contracts only),
  `register_filtered`: the coordination's list with a status and a territory filter;
- `members_home`: the members' home of the facilitator (every app's section: meetings, documents,
  contracts, follow-ups, notices);
- `baseline_page`: a plain content page of the site through the same client, measured in turn with
  the others; each page's median as a ratio of it (`*_ratio`).

Median and p95 in milliseconds. Target: p95 under 100 ms on PostgreSQL for the register's list and
the members' home.

    .venv/bin/python benchmarks/bench_members.py [--contracts 2000] [--runs 100] [--json FILE]
    bash scripts/pg-temp.sh run .venv/bin/python benchmarks/bench_members.py   # on PostgreSQL
"""

import argparse
import atexit
import datetime
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def setup_django():
    if not os.environ.get("DATABASE_URL"):
        tmp = tempfile.mkdtemp(prefix="mics34-members-bench.")
        atexit.register(shutil.rmtree, tmp, ignore_errors=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)


def build(count, rng):
    """The site (home and a plain content page), the territories, three members and `count`
    contracts with 1 to 4 territories each and hours for two or three years, in bulk. Returns
    (content page, coordinator, facilitator, the facilitator's EPCI, seconds)."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import transaction

    from wagtail.models import Locale, Site

    from core import reference
    from core.permissions import configure_editor_groups
    from home.factories import ContentPageFactory, HomePageFactory
    from members.accounts import set_role
    from members.models import Contract, ContractTerritory, HoursRecord, Member

    call_command("migrate", verbosity=0)
    call_command("load_territories", verbosity=0)
    configure_editor_groups()
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    site = Site.objects.get(is_default_site=True)
    home = HomePageFactory(parent=site.root_page.get_parent(), slug="accueil-bench", locale=fr)
    site.root_page = home
    site.save()
    content = ContentPageFactory(parent=home, slug="page-simple", title="Une page simple")

    epcis = [item.code for item in reference.territories() if item.kind == reference.EPCI]
    communes = [item.code for item in reference.territories() if item.kind == reference.COMMUNE]
    territories = epcis + rng.sample(communes, min(60, len(communes)))
    chosen_epci = epcis[0]

    User = get_user_model()
    people = {}
    for username, role, codes in [
        ("coordination-bench", "coordination", []),
        ("facilitatrice-bench", "facilitator", [chosen_epci]),
    ]:
        user = User.objects.create_user(username, f"{username}@example.org", "bench-password-34")
        Member.objects.create(user=user, territory_codes=codes)
        set_role(user, role)
        people[role] = user

    start = time.perf_counter()
    statuses = [value for value, _label in Contract.STATUS_CHOICES]
    with transaction.atomic():
        contracts = Contract.objects.bulk_create(
            [
                Contract(
                    title=f"Marché {rng.choice(['nettoyage', 'voirie', 'restauration'])} {n}",
                    buyer=f"Acheteur {n % 150}",
                    status=rng.choice(statuses),
                    start_date=datetime.date(2024 + n % 3, 1 + n % 12, 1),
                )
                for n in range(count)
            ]
        )
        links = ContractTerritory.objects.bulk_create(
            [
                ContractTerritory(
                    contract=contract,
                    territory_code=code,
                    facilitator=people["facilitator"] if code == chosen_epci else None,
                )
                for contract in contracts
                for code in rng.sample(territories, rng.randint(1, 4))
            ]
        )
        HoursRecord.objects.bulk_create(
            [
                HoursRecord(
                    territory=link,
                    year=year,
                    targeted=rng.randint(100, 5000),
                    achieved=rng.randint(0, 5000),
                )
                for link in links
                for year in range(2024, 2024 + rng.randint(2, 3))
            ]
        )
    return (
        content,
        people["coordination"],
        people["facilitator"],
        chosen_epci,
        (time.perf_counter() - start),
    )


def verified_client(user):
    """A test client signed in as `user`, with its second factor given (as after the verification
    page): the coordination must use one."""
    from django.test import Client

    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    device = TOTPDevice.objects.create(user=user, name="Téléphone", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--contracts", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--json", default="")
    args = parser.parse_args()
    setup_django()

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    rng = random.Random(34)
    content, coordinator, facilitator, epci, seconds = build(args.contracts, rng)
    coordination = verified_client(coordinator)
    facilitating = Client()
    facilitating.force_login(facilitator)
    anonymous = Client()
    register = reverse("members:contracts")
    pages = {
        "baseline_page": (anonymous, content.url),
        "register_coordination": (coordination, register),
        "register_facilitator": (facilitating, register),
        "register_filtered": (coordination, f"{register}?etat=running&territoire={epci}"),
        "members_home": (facilitating, reverse("members:home")),
    }
    queries = {}
    for name, (client, url) in pages.items():  # warm-up, and each page's SQL queries
        for _ in range(3):
            assert client.get(url).status_code == 200, (name, url)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        queries[name] = len(captured)
    times = {name: [] for name in pages}
    for _ in range(args.runs):
        for name, (client, url) in pages.items():
            start = time.perf_counter()
            response = client.get(url)
            times[name].append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (name, url, response.status_code)

    baseline = statistics.median(times["baseline_page"])
    figures = {
        "database": connection.vendor,
        "contracts": args.contracts,
        "runs": args.runs,
        "build_s": round(seconds, 1),
    }
    for name, values in times.items():
        figures[f"{name}_median_ms"] = round(statistics.median(values), 1)
        figures[f"{name}_p95_ms"] = round(percentile(values, 0.95), 1)
        figures[f"{name}_queries"] = queries[name]
        if name != "baseline_page":
            figures[f"{name}_ratio"] = round(statistics.median(values) / baseline, 2)
    width = max(len(key) for key in figures)
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
