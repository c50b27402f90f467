#!/usr/bin/env bash
# The whole test suite, twice: on SQLite (browser tests included), then on a throwaway PostgreSQL server
# (browser tests left out: they test the templates, not the database). Fails when either pass fails, and
# when a pass collects no test at all (pytest's exit status 5). Extra arguments go to both pytest runs.
set -uo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-.venv/bin/python}"
unset DATABASE_URL
status=0

run_pass() {
    local name="$1"
    shift
    local start=$SECONDS code
    echo "== tests on $name =="
    "$@"
    code=$?
    if [ "$code" -eq 5 ]; then
        echo "== $name: no test was collected ==" >&2
    elif [ "$code" -ne 0 ]; then
        echo "== $name: FAILED (pytest exit status $code) ==" >&2
    else
        echo "== $name: passed in $((SECONDS - start)) s =="
    fi
    [ "$code" -eq 0 ] || status=1
}

run_pass SQLite "$PYTHON" -m pytest "$@"
run_pass PostgreSQL bash scripts/pg-temp.sh run "$PYTHON" -m pytest -m "not browser" "$@"

exit "$status"
