#!/usr/bin/env bash
# The resource hub's search benchmark (benchmarks/bench_search.py) on SQLite, then on a throwaway PostgreSQL;
# figures in benchmarks/results/search-{sqlite,postgresql}.json. Extra arguments go to bench_search.py.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="$ROOT/.venv/bin/python"
mkdir -p "$ROOT/benchmarks/results"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/mics34-search-bench.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
export PYTHONDONTWRITEBYTECODE=1 LOG_LEVEL=WARNING

echo "== search benchmark on SQLite"
VAR_DIR="$TMP" DATABASE_URL="sqlite:///$TMP/bench.sqlite3" \
    timeout 3600 "$PYTHON" "$ROOT/benchmarks/bench_search.py" --json "$ROOT/benchmarks/results/search-sqlite.json" "$@"
echo "== search benchmark on PostgreSQL"
VAR_DIR="$TMP" timeout 3600 bash "$ROOT/scripts/pg-temp.sh" run \
    "$PYTHON" "$ROOT/benchmarks/bench_search.py" --json "$ROOT/benchmarks/results/search-postgresql.json" "$@"
