#!/usr/bin/env bash
# The 50,000-resource search benchmark (benchmarks/bench_search.py) of this tree and of an earlier
# commit, side by side in one run: each tree builds its own database (its own index format), then the
# two are measured in turn, ROUNDS times (old, new, old, new...), so that what else the machine does
# touches both alike. Prints each figure's median over the rounds and the ratio new / old; the rounds'
# figures go to benchmarks/results/search-compare-<database>.json.
#
#   bash benchmarks/search_compare.sh [REF] [sqlite|postgresql]
#
# REF defaults to the commit before the search work of issue 13 (468c0cb^1: no stemming on SQLite, no
# legal-reference tokens, no corrections).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="$ROOT/.venv/bin/python"
REF="${1:-468c0cb^1}"
DATABASE="${2:-sqlite}"
ROUNDS="${ROUNDS:-3}"
RESOURCES="${RESOURCES:-50000}"
WITH_TEXT="${WITH_TEXT:-5000}"
RUNS="${RUNS:-30}"
mkdir -p "$ROOT/benchmarks/results"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/mics34-search-compare.XXXXXX")"
cleanup() {
    git -C "$ROOT" worktree remove --force "$TMP/old" >/dev/null 2>&1 || true
    rm -rf "$TMP"
}
trap cleanup EXIT
export PYTHONDONTWRITEBYTECODE=1 LOG_LEVEL=WARNING

git -C "$ROOT" worktree add --quiet --detach "$TMP/old" "$REF"
ln -s "$ROOT/.venv" "$TMP/old/.venv"

run_bench() {  # tree, database name, extra arguments...
    local tree="$1" name="$2"
    shift 2
    if [ "$DATABASE" = postgresql ]; then
        DATABASE_URL="$PG_BASE/$name" VAR_DIR="$TMP/var-$name" \
            "$PYTHON" "$tree/benchmarks/bench_search.py" --resources "$RESOURCES" --with-text "$WITH_TEXT" "$@"
    else
        DATABASE_URL="sqlite:///$TMP/$name.sqlite3" VAR_DIR="$TMP/var-$name" \
            "$PYTHON" "$tree/benchmarks/bench_search.py" --resources "$RESOURCES" --with-text "$WITH_TEXT" "$@"
    fi
}

measure_all() {
    echo "== building the old tree's database ($REF)"
    run_bench "$TMP/old" old --runs 5 --baseline-runs 1 >/dev/null
    echo "== building this tree's database"
    run_bench "$ROOT" new --runs 5 --baseline-runs 1 >/dev/null
    for round in $(seq 1 "$ROUNDS"); do
        echo "== round $round"
        run_bench "$TMP/old" old --reuse --runs "$RUNS" --baseline-runs 1 --json "$TMP/old-$round.json" >/dev/null
        run_bench "$ROOT" new --reuse --runs "$RUNS" --baseline-runs 1 --json "$TMP/new-$round.json" >/dev/null
    done
    "$PYTHON" - "$TMP" "$ROUNDS" "$REF" "$ROOT/benchmarks/results/search-compare-$DATABASE.json" <<'PY'
import json, statistics, sys
from pathlib import Path
tmp, rounds, ref, out = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
keys = ["search_median_ms", "search_p95_ms", "page_median_ms", "page_p95_ms",
        "unfiltered_search_median_ms", "unfiltered_search_p95_ms",
        "site_search_page_median_ms", "site_search_page_p95_ms"]
runs = {side: [json.loads((tmp / f"{side}-{r}.json").read_text()) for r in range(1, rounds + 1)]
        for side in ("old", "new")}
summary = {"ref": ref, "database": runs["new"][0]["database"], "rounds": rounds, "figures": {}}
print(f"{'figure':32} {'old ms':>9} {'new ms':>9} {'new/old':>8}")
for key in keys:
    old = statistics.median(r[key] for r in runs["old"])
    new = statistics.median(r[key] for r in runs["new"])
    ratios = [n[key] / o[key] for o, n in zip(runs["old"], runs["new"]) if o[key]]
    ratio = statistics.median(ratios) if ratios else None
    summary["figures"][key] = {"old": old, "new": new, "ratio_median_of_rounds": ratio}
    print(f"{key:32} {old:9.1f} {new:9.1f} {ratio:8.2f}")
summary["rounds_figures"] = runs
out.write_text(json.dumps(summary, indent=2) + "\n")
print(f"written to {out}")
PY
}

if [ "$DATABASE" = postgresql ] && [ -z "${PG_TEMP_DIR:-}" ]; then
    # A throwaway server (scripts/pg-temp.sh) with two databases, one per tree.
    trap - EXIT
    cleanup
    exec bash "$ROOT/scripts/pg-temp.sh" run bash "$0" "$REF" postgresql
fi
if [ "$DATABASE" = postgresql ]; then
    PG_BASE="${DATABASE_URL%/*}"
    BINDIR=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    for name in old new; do
        "$BINDIR/createdb" --host=127.0.0.1 --port="$PG_TEMP_PORT" --username="${PG_TEMP_USER:-mics34}" "$name"
    done
fi
measure_all
