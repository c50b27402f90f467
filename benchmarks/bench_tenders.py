"""Procurement watch benchmark: the BOAMP import of 20,000 notices from recorded pages served by a
local HTTP server (notices per second), a second run with nothing new (its cost relative to the
first), and the watch's search with two filters over those notices (p95, against a plain page
rendered in the same run).

    .venv/bin/python benchmarks/bench_tenders.py [--notices 20000] [--requests 200] [--copy]
    bash scripts/pg-temp.sh run .venv/bin/python benchmarks/bench_tenders.py   # on PostgreSQL

`--copy` measures the search only: the first day (200 notices) goes through the importer, the
other notices are its copies written with bulk inserts and indexed through the search backend's
bulk API (seconds instead of the import's minutes); the same notices as a full import (same
records, days, buyers, analysis and communes), without their history (NoticeEvent), which the
watch's list does not read. No import figures then.

Without DATABASE_URL the database is a SQLite file in a temp dir (removed at the end). The records
are the shipped recordings (tests/tenders/recordings/) copied under new idwebs, 200 per day. Results:
a table, and benchmarks/results/tenders.json."""

import argparse
import copy
import datetime
import json
import logging
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
TMP = Path(tempfile.mkdtemp(prefix="mics34-tenders-bench-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{TMP / 'bench.sqlite3'}")

import django  # noqa: E402

django.setup()
logging.disable(logging.INFO)  # the demo's and the tasks' log lines are not results

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

TEMPLATES = 5  # the recorded initial notices build_days cycles through
RECORDINGS = ROOT / "tests" / "tenders" / "recordings" / "records" / "2026-09-14" / "offset-0.json"
PER_DAY = 200
FIRST_DAY = datetime.date(2026, 9, 1)


def build_days(count):
    """{day: [records]}: the recorded initial notices, copied under new idwebs."""
    templates = [
        r
        for r in json.loads(RECORDINGS.read_text(encoding="utf-8"))["results"]
        if r["nature"] == "APPEL_OFFRE" and r["idweb"] != "26-85007"
    ]
    days = {}
    for n in range(count):
        day = FIRST_DAY + datetime.timedelta(days=n // PER_DAY)
        record = copy.deepcopy(templates[n % len(templates)])
        record["idweb"] = f"26-{100000 + n}"
        record["dateparution"] = day.isoformat()
        record["nomacheteur"] = f"{record['nomacheteur']} {n % 60}"
        days.setdefault(day.isoformat(), []).append(record)
    return days


def copy_first_day(count):
    """Notices 200..count-1 as copies of the first day's imported ones: notice n is the copy of
    one whose record has the same template (n % templates), under n's idweb, day and buyer."""
    from wagtail.search.backends import get_search_backend

    from tenders.models import Notice

    firsts = list(Notice.objects.order_by("idweb"))
    by_template = {}
    for k, notice in enumerate(firsts):
        by_template.setdefault(k % TEMPLATES, notice)
    backend = get_search_backend()
    batch = []
    for n in range(len(firsts), count):
        source = by_template[n % TEMPLATES]
        copy_ = copy.copy(source)
        copy_.pk = None
        copy_._state = copy.copy(source._state)
        copy_._state.adding = True
        day = FIRST_DAY + datetime.timedelta(days=n // PER_DAY)
        idweb = f"26-{100000 + n}"
        copy_.idweb = idweb
        copy_.url = source.url.replace(source.idweb, idweb)
        copy_.published_on = day
        copy_.buyer_name = f"{source.buyer_name.rsplit(' ', 1)[0]} {n % 60}"
        copy_.raw_record = {
            **source.raw_record,
            "idweb": idweb,
            "dateparution": day.isoformat(),
            "nomacheteur": copy_.buyer_name,
        }
        batch.append(copy_)
        if len(batch) == 1000 or n == count - 1:
            backend.add_bulk(Notice, Notice.objects.bulk_create(batch))
            batch = []


def serve(days):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            params = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
            day = params["where"].split("'")[1]
            offset = int(params.get("offset", 0))
            records = days.get(day, [])
            body = json.dumps(
                {"total_count": len(records), "results": records[offset : offset + 100]}
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def p95(values):
    return statistics.quantiles(values, n=20)[18]


def timed_gets(client, url, count):
    durations = []
    for _ in range(count):
        start = time.perf_counter()
        response = client.get(url)
        durations.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return durations


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--notices", type=int, default=20000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--copy", action="store_true", help="the search only, its notices copied in (no import)"
    )
    args = parser.parse_args()

    from tenders.boamp import BoampClient
    from tenders.importing import run_import
    from tenders.models import Notice

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    days = build_days(PER_DAY if args.copy else args.notices)
    assert len(days[FIRST_DAY.isoformat()]) >= TEMPLATES
    server = serve(days)
    client = BoampClient(base_url=f"http://127.0.0.1:{server.server_address[1]}/api", timeout=30)
    last_day = FIRST_DAY + datetime.timedelta(days=len(days) - 1)
    results = {"database": connection.vendor}

    start = time.perf_counter()
    first = run_import(FIRST_DAY, last_day, client=client)
    first_seconds = time.perf_counter() - start
    assert first.created == min(args.notices, sum(map(len, days.values()))), first.created
    if args.copy:
        start = time.perf_counter()
        copy_first_day(args.notices)
        results["copy_seconds"] = round(time.perf_counter() - start, 2)
    else:
        start = time.perf_counter()
        second = run_import(FIRST_DAY, last_day, client=client)
        second_seconds = time.perf_counter() - start
        assert second.unchanged == args.notices and second.created == 0
        results.update(
            {
                "import_notices_per_second": round(args.notices / first_seconds, 1),
                "import_seconds": round(first_seconds, 2),
                "second_run_seconds": round(second_seconds, 2),
                "second_run_relative_cost": round(second_seconds / first_seconds, 3),
            }
        )
    server.shutdown()
    results["notices"] = Notice.objects.count()
    assert results["notices"] == args.notices, results["notices"]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    browser = Client()
    watch = "/veille-marches/?type=SERVICES&social=oui"
    plain = "/mentions-legales/"
    timed_gets(browser, watch, 5)
    timed_gets(browser, plain, 5)
    with CaptureQueriesContext(connection) as captured:
        timed_gets(browser, watch, 1)
    # Counted now: the capture reads the connection's log, which the next request empties.
    watch_queries = len(captured)
    watch_ms, plain_ms = [], []
    for _ in range(args.requests // 10):  # interleaved, so that both see the same machine
        watch_ms += timed_gets(browser, watch, 10)
        plain_ms += timed_gets(browser, plain, 10)
    results.update(
        {
            "watch_sql_queries": watch_queries,
            "watch_two_filters_p50_ms": round(statistics.median(watch_ms), 1),
            "watch_two_filters_p95_ms": round(p95(watch_ms), 1),
            "plain_page_p50_ms": round(statistics.median(plain_ms), 1),
            "plain_page_p95_ms": round(p95(plain_ms), 1),
            "watch_to_plain_ratio": round(p95(watch_ms) / p95(plain_ms), 2),
            "load_average": [round(x, 2) for x in os.getloadavg()],
        }
    )
    for key, value in results.items():
        print(f"{key:32} {value}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "tenders.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
