#!/usr/bin/env bash
# The directory's benchmark (benchmarks/bench_directory.py) on SQLite, then on a throwaway PostgreSQL;
# figures in benchmarks/results/directory-{sqlite,postgresql}.json. Extra arguments go to bench_directory.py.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="$ROOT/.venv/bin/python"
mkdir -p "$ROOT/benchmarks/results"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/mics34-directory-bench.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
export PYTHONDONTWRITEBYTECODE=1 LOG_LEVEL=WARNING

echo "== directory benchmark on SQLite"
VAR_DIR="$TMP" DATABASE_URL="sqlite:///$TMP/bench.sqlite3" \
    timeout 1800 "$PYTHON" "$ROOT/benchmarks/bench_directory.py" --json "$ROOT/benchmarks/results/directory-sqlite.json" "$@"
echo "== directory benchmark on PostgreSQL"
VAR_DIR="$TMP" timeout 1800 bash "$ROOT/scripts/pg-temp.sh" run \
    "$PYTHON" "$ROOT/benchmarks/bench_directory.py" --json "$ROOT/benchmarks/results/directory-postgresql.json" "$@"
