#!/usr/bin/env bash
# The relevance set (benchmarks/bench_relevance.py) on the demo content, on SQLite, then on a throwaway
# PostgreSQL; figures in benchmarks/results/relevance-{sqlite,postgresql}.json. Extra arguments
# (--record, --misses) go to bench_relevance.py.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="$ROOT/.venv/bin/python"
mkdir -p "$ROOT/benchmarks/results"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/mics34-relevance.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
export PYTHONDONTWRITEBYTECODE=1 LOG_LEVEL=WARNING

echo "== relevance on SQLite"
VAR_DIR="$TMP" DATABASE_URL="sqlite:///$TMP/relevance.sqlite3" \
    timeout 900 "$PYTHON" "$ROOT/benchmarks/bench_relevance.py" --json "$ROOT/benchmarks/results/relevance-sqlite.json" "$@"
echo "== relevance on PostgreSQL"
VAR_DIR="$TMP" timeout 900 bash "$ROOT/scripts/pg-temp.sh" run \
    "$PYTHON" "$ROOT/benchmarks/bench_relevance.py" --json "$ROOT/benchmarks/results/relevance-postgresql.json" "$@"
