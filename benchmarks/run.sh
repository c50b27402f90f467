#!/usr/bin/env bash
# Throughput, latency and CPU cost of the site's pages served by gunicorn with the production settings,
# against a minimal Django view served by the same server in the same run. See benchmarks/README.md.
#
# Builds a throwaway site in a temp dir (migrate, load_demo_content, collectstatic), serves it on
# 127.0.0.1, checks that every target answers 200, loads each with wrk, prints a table and writes
# benchmarks/results/latest.json. Everything it starts and creates is removed on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/benchmarks"
PYTHON="$ROOT/.venv/bin/python"
GUNICORN="$ROOT/.venv/bin/gunicorn"

WORKERS="${BENCH_WORKERS:-2}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
DURATION="${BENCH_DURATION:-15}"
WARMUP="${BENCH_WARMUP:-3}"
ROUNDS="${BENCH_ROUNDS:-3}"   # the measured seconds are split into rounds, targets interleaved
SINGLE="${BENCH_SINGLE:-5}"   # seconds of one-connection load per target; 0 skips it
LOAD_ARGS=()
[[ "${BENCH_LOAD:-wrk}" == python ]] && LOAD_ARGS+=(--python-load)

step() { printf '\n== %s\n' "$*"; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

[[ -x "$PYTHON" && -x "$GUNICORN" ]] || die "no virtual environment: run 'make install' first"
[[ -f "$ROOT/core/management/commands/load_demo_content.py" ]] \
    || die "core/management/commands/load_demo_content.py is missing: nothing to measure"
if [[ ${#LOAD_ARGS[@]} -eq 0 ]] && ! command -v wrk >/dev/null; then
    echo "wrk not found: trying 'apt-get install -y wrk' (Debian's package)"
    { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 \
        && apt-get install -y wrk >/dev/null 2>&1; }; } \
        || echo "wrk could not be installed: the Python load generator stands in (see README)"
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/mics34-bench.XXXXXX")"
SERVER_PID=""
LOAD_PID=""
cleanup() {
    local status=$?
    if [[ -n "$LOAD_PID" ]] && kill -0 "$LOAD_PID" 2>/dev/null; then
        kill -TERM "$LOAD_PID" 2>/dev/null || true
    fi
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [[ $status -eq 130 ]]; then
        echo "bench: interrupted" >&2
    elif [[ $status -ne 0 ]]; then
        # The log of the step that failed: the setup's until gunicorn starts, then the server's.
        local log="$TMP/setup.log"
        [[ -n "$SERVER_PID" ]] && log="$TMP/gunicorn.log"
        if [[ -s "$log" ]]; then
            echo "--- last lines of $(basename "$log"):" >&2
            tail -n 30 "$log" >&2
        fi
    fi
    if [[ -n "${BENCH_KEEP_TMP:-}" ]]; then echo "kept $TMP"; else rm -rf "$TMP"; fi
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Production settings, every required variable set; plain http on loopback.
export VAR_DIR="$TMP"
export DJANGO_SETTINGS_MODULE=config.settings.production
SECRET_KEY="$("$PYTHON" -c 'import secrets, string
print("".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(60)))')"
export SECRET_KEY
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL="sqlite:///$TMP/db.sqlite3"
export WAGTAILADMIN_BASE_URL=http://127.0.0.1
export DEFAULT_FROM_EMAIL=bench@localhost
export PUBLICATION_DIRECTOR="Banc d'essai"
export SITE_HOST="Machine du banc d'essai"
export EMAIL_PROVIDER=smtp
export NEWSLETTER_SUPPRESSION_KEY=bench-suppression-key
export SECURE_SSL_REDIRECT=false
export LOG_LEVEL=WARNING
export PYTHONDONTWRITEBYTECODE=1

manage() {
    local limit=$1; shift
    (cd "$ROOT" && timeout "$limit" "$PYTHON" manage.py "$@") >>"$TMP/setup.log" 2>&1 \
        || die "manage.py $* failed"
}

step "Throwaway site in $TMP"
manage "${BENCH_SETUP_TIMEOUT:-180}" migrate --noinput
manage "${BENCH_SETUP_TIMEOUT:-180}" load_demo_content
# directory/'s vendored leaflet.js names a source map it does not ship, which the manifest storage
# refuses: left out here (no measured page loads it) until directory/ ships it or strips the comment.
manage 120 collectstatic --noinput --ignore "leaflet*.js"
INSPECTION="$(cd "$ROOT" && timeout 60 "$PYTHON" manage.py shell --no-imports \
    -c "$(cat "$BENCH/inspect_site.py")" 2>>"$TMP/setup.log")" || die "inspect_site.py failed"
CONTENT_PATH="$(sed -n 's/^BENCH_CONTENT_PATH //p' <<<"$INSPECTION")"
HUB_PATH="$(sed -n 's/^BENCH_HUB_PATH //p' <<<"$INSPECTION")"
QUERIES="$(sed -n 's/^BENCH_QUERIES //p' <<<"$INSPECTION")"
[[ -n "$QUERIES" ]] || QUERIES='{}'
[[ -n "$CONTENT_PATH" ]] || die "the demo content has no live content page"
[[ -n "$HUB_PATH" ]] || die "the demo content has no live resource hub"
echo "migrated, demo content loaded, static files collected; content page: $CONTENT_PATH"
echo "SQL queries per page: $QUERIES"

PORT="$("$PYTHON" -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
BASE_URL="http://127.0.0.1:$PORT"

step "gunicorn, $WORKERS workers, on $BASE_URL"
DJANGO_SETTINGS_MODULE=bench_settings "$GUNICORN" config.wsgi \
    --chdir "$ROOT" --pythonpath "$ROOT/site,$BENCH" \
    --bind "127.0.0.1:$PORT" --workers "$WORKERS" \
    --log-level warning >>"$TMP/gunicorn.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 150); do
    kill -0 "$SERVER_PID" 2>/dev/null || die "gunicorn stopped before answering"
    "$PYTHON" -c "import sys, urllib.request
try: urllib.request.urlopen(sys.argv[1], timeout=2)
except Exception: sys.exit(1)" "$BASE_URL/bench/minimal/" 2>/dev/null && break
    sleep 0.2
done
kill -0 "$SERVER_PID" 2>/dev/null || die "gunicorn stopped before answering"

step "Load per target: ${WARMUP}s warm-up, ${DURATION}s in $ROUNDS rounds with $THREADS threads and $CONNECTIONS connections, ${SINGLE}s with one"
"$PYTHON" -u "$BENCH/bench.py" --base-url "$BASE_URL" \
    --target "minimal=/bench/minimal/" --target "home=/" --target "content=$CONTENT_PATH" \
    --target "hub=$HUB_PATH" --target "home_uncached=/?nocache=1" \
    --target "content_uncached=$CONTENT_PATH?nocache=1" --target "hub_uncached=$HUB_PATH?nocache=1" \
    --target "hub_search=$HUB_PATH?q=clause+insertion" --target "site_search=/recherche/?q=clause+insertion" \
    --threads "$THREADS" --connections "$CONNECTIONS" --duration "$DURATION" --warmup "$WARMUP" \
    --rounds "$ROUNDS" --single-duration "$SINGLE" --server-pid "$SERVER_PID" --workers "$WORKERS" \
    --queries "$QUERIES" "${LOAD_ARGS[@]}" &
# In the background, so that an interrupt stops the run at once rather than after the load.
LOAD_PID=$!
wait "$LOAD_PID"
LOAD_PID=""

CONNECTIONS_HIGH="${BENCH_CONNECTIONS_HIGH:-64}"
step "The cached pages again with $CONNECTIONS_HIGH connections (benchmarks/results/latest-$CONNECTIONS_HIGH.json)"
"$PYTHON" -u "$BENCH/bench.py" --base-url "$BASE_URL" \
    --target "minimal=/bench/minimal/" --target "home=/" --target "content=$CONTENT_PATH" \
    --threads "$THREADS" --connections "$CONNECTIONS_HIGH" --duration "$DURATION" --warmup "$WARMUP" \
    --rounds "$ROUNDS" --single-duration 0 --server-pid "$SERVER_PID" --workers "$WORKERS" \
    --out "$BENCH/results/latest-$CONNECTIONS_HIGH.json" \
    --raw-out "$BENCH/results/latest-$CONNECTIONS_HIGH-wrk.txt" "${LOAD_ARGS[@]}" &
LOAD_PID=$!
wait "$LOAD_PID"
LOAD_PID=""

step "kill -9 of one worker during a $CONNECTIONS_HIGH-connection load of the home page (benchmarks/bench_cache_kill.py)"
"$PYTHON" -u "$BENCH/bench_cache_kill.py" --url "$BASE_URL/" --server-pid "$SERVER_PID" \
    --connections "$CONNECTIONS_HIGH" --threads "$THREADS" --duration "$DURATION" "${LOAD_ARGS[@]}" &
LOAD_PID=$!
wait "$LOAD_PID"
LOAD_PID=""

# BENCH_PAGES_ONLY=1: the pages above only (the page cache's figures), not the benchmarks below.
if [[ -n "${BENCH_PAGES_ONLY:-}" ]]; then exit 0; fi

step "Newsletter: a campaign to 100,000 subscribers through anymail's test backend (benchmarks/bench_newsletter.py)"
DJANGO_SETTINGS_MODULE=config.settings.test timeout 900 "$PYTHON" "$BENCH/bench_newsletter.py"

step "Relevance: the project's judged queries over the demo content, on SQLite and PostgreSQL (benchmarks/relevance.sh)"
bash "$BENCH/relevance.sh"

step "Search: the resource hub over 50,000 generated resources, on SQLite and PostgreSQL (benchmarks/search.sh)"
bash "$BENCH/search.sh"

step "Directory: 20,000 generated actors, search with three filters and the commune lookup, on SQLite and PostgreSQL (benchmarks/directory.sh)"
bash "$BENCH/directory.sh"
