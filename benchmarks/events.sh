#!/usr/bin/env bash
# The agenda's full-scale benchmark (benchmarks/bench_events.py: 5,000 events) on SQLite, then on a
# throwaway PostgreSQL; figures in benchmarks/results/events-{sqlite,postgresql}.json. Extra arguments
# go to bench_events.py.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="$ROOT/.venv/bin/python"
mkdir -p "$ROOT/benchmarks/results"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/mics34-events-bench.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
export PYTHONDONTWRITEBYTECODE=1 LOG_LEVEL=WARNING

echo "== agenda benchmark on SQLite"
VAR_DIR="$TMP" DATABASE_URL="sqlite:///$TMP/bench.sqlite3" \
    timeout 1800 "$PYTHON" "$ROOT/benchmarks/bench_events.py" --json "$ROOT/benchmarks/results/events-sqlite.json" "$@"
echo "== agenda benchmark on PostgreSQL"
VAR_DIR="$TMP" timeout 1800 bash "$ROOT/scripts/pg-temp.sh" run \
    "$PYTHON" "$ROOT/benchmarks/bench_events.py" --json "$ROOT/benchmarks/results/events-postgresql.json" "$@"
