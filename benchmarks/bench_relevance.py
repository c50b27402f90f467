"""The project's relevance set (benchmarks/relevance/queries.toml) on the demo content: top-1 accuracy
and nDCG@5 per category, on the database named by DATABASE_URL (a fresh SQLite in a temp dir by
default; benchmarks/relevance.sh runs it on SQLite and on a throwaway PostgreSQL).

    .venv/bin/python benchmarks/bench_relevance.py [--json FILE] [--record] [--misses]

--record writes the figures as the baseline of this database's vendor (benchmarks/relevance/
baseline.json), which tests/resources/test_relevance.py holds the search to."""

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "site"))
sys.path.insert(0, str(ROOT))

from benchmarks.relevance import evaluate  # noqa: E402


def setup_django():
    if not os.environ.get("DATABASE_URL"):
        tmp = tempfile.mkdtemp(prefix="mics34-relevance.")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/relevance.sqlite3"
        os.environ.setdefault("VAR_DIR", tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ.setdefault("TASKS_BACKEND", "immediate")
    os.environ.setdefault("DEMO_ADMIN_PASSWORD", "mot-de-passe-du-banc-d-essai")
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--record", action="store_true", help="record them as the baseline")
    parser.add_argument("--misses", action="store_true", help="list the queries not right first")
    args = parser.parse_args()
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_content", verbosity=0)
    outcomes = evaluate.run()
    summary = evaluate.summarise(outcomes)
    vendor = connection.vendor
    print(f"relevance on {vendor}, {len(outcomes)} judged queries")
    print(evaluate.table(summary))
    if args.misses:
        for outcome in outcomes:
            if outcome.top1 < 1 or outcome.ndcg < 1:
                print(f"  {outcome.query.category:<12} {outcome.query.q!r}: {outcome.slugs}")
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2) + "\n")
    if args.record:
        baselines = json.loads(evaluate.BASELINE.read_text()) if evaluate.BASELINE.exists() else {}
        baselines[vendor] = summary
        evaluate.BASELINE.write_text(json.dumps(baselines, indent=2, sort_keys=True) + "\n")
        print(f"recorded as the {vendor} baseline in {evaluate.BASELINE.relative_to(ROOT)}")
    else:
        try:
            baseline = evaluate.load_baseline(vendor)
        except (FileNotFoundError, KeyError):
            return
        for line in evaluate.regressions(summary, baseline):
            print(f"  below the baseline: {line}")


if __name__ == "__main__":
    main()
