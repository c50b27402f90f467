#!/usr/bin/env bash
# Installs the distribution's packages the test suite and the benchmarks need, when they are missing:
# Chromium (browser tests), the PostgreSQL server (second test pass), gettext (compilemessages), wrk
# (benchmarks), redis-server (the page cache's tests on a shared cache), Pango (WeasyPrint: the
# observatory's PDF report). Quick when everything is present: nothing is asked of apt.
# With CI=true a failure stops the run; elsewhere it is a warning and the run goes on.
set -uo pipefail

have_postgres_server() {
    compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null
}

have_pango() {
    ldconfig -p | grep -q "libpango-1.0.so.0" && ldconfig -p | grep -q "libpangoft2-1.0.so.0"
}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
have_postgres_server || missing+=(postgresql postgresql-contrib)
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
have_pango || missing+=(libpango-1.0-0 libpangoft2-1.0-0)

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

fail() {
    if [ "${CI:-}" = "true" ]; then
        echo "system-deps: ERROR: $*" >&2
        exit 1
    fi
    echo "system-deps: WARNING: $* (continuing: some tests or benchmarks will fail)" >&2
    exit 0
}

echo "system-deps: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    fail "missing packages ${missing[*]} and no root rights to install them"
fi
command -v apt-get >/dev/null 2>&1 || fail "missing packages ${missing[*]} and apt-get is not available"

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq || fail "apt-get update failed"
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || fail "apt-get install ${missing[*]} failed"

# Check again: a package may install without providing what we look for.
command -v chromium >/dev/null 2>&1 || fail "chromium is still missing after apt-get install"
have_postgres_server || fail "no PostgreSQL server under /usr/lib/postgresql/*/bin after apt-get install"
command -v msgfmt >/dev/null 2>&1 || fail "msgfmt (gettext) is still missing after apt-get install"
command -v wrk >/dev/null 2>&1 || fail "wrk is still missing after apt-get install"
command -v redis-server >/dev/null 2>&1 || fail "redis-server is still missing after apt-get install"
have_pango || fail "Pango (libpango-1.0-0, libpangoft2-1.0-0) is still missing after apt-get install"
echo "system-deps: done"
