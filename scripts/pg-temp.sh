#!/usr/bin/env bash
# A throwaway PostgreSQL server from the distribution's binaries, in a temporary directory, listening on
# a unix socket in that directory and on a free TCP port of 127.0.0.1. Used by scripts/test.sh and the
# benchmarks.
#
#   scripts/pg-temp.sh run CMD [ARGS...]   start, run CMD with DATABASE_URL set, stop and delete; exits
#                                          with CMD's status
#   scripts/pg-temp.sh start               start and print two lines: DATABASE_URL=... and PG_TEMP_DIR=...
#   scripts/pg-temp.sh stop DIR            stop the server started in DIR and delete DIR
#
# Or source it and call pg_temp_start / pg_temp_stop (they set and use DATABASE_URL and PG_TEMP_DIR).
# PostgreSQL refuses to run as root: as root, the server runs as the `postgres` system user.
set -euo pipefail

PG_TEMP_USER="${PG_TEMP_USER:-mics34}"
PG_TEMP_DB="${PG_TEMP_DB:-mics34}"

pg_temp_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$dir" ] || [ ! -x "$dir/postgres" ]; then
        echo "pg-temp: no PostgreSQL server under /usr/lib/postgresql/*/bin (make system-deps)" >&2
        return 1
    fi
    echo "$dir"
}

# Run a command as the user that owns the cluster: `postgres` when we are root, ourselves otherwise.
pg_temp_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_temp_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pg_temp_start() {
    local bindir port
    bindir=$(pg_temp_bindir)
    PG_TEMP_DIR=$(mktemp -d -t mics34-pg.XXXXXX)
    chmod 700 "$PG_TEMP_DIR"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$PG_TEMP_DIR"
    fi
    pg_temp_as_owner "$bindir/initdb" --pgdata="$PG_TEMP_DIR/data" --username="$PG_TEMP_USER" \
        --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$PG_TEMP_DIR/initdb.log" 2>&1 || {
        cat "$PG_TEMP_DIR/initdb.log" >&2
        echo "pg-temp: initdb failed" >&2
        return 1
    }
    # Durability is not needed for a throwaway cluster; pg_ctl passes -o through a shell: one line only.
    local options="-c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_TEMP_DIR"
    options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
    # The port is chosen just before the start; if another process takes it meanwhile, try again.
    local attempt
    for attempt in 1 2 3 4 5; do
        port=$(pg_temp_free_port)
        if pg_temp_as_owner "$bindir/pg_ctl" --pgdata="$PG_TEMP_DIR/data" --wait --timeout=60 \
            --log="$PG_TEMP_DIR/server.log" \
            -o "$options -c port=$port" \
            start >/dev/null; then
            break
        fi
        if [ "$attempt" -eq 5 ]; then
            cat "$PG_TEMP_DIR/server.log" >&2
            echo "pg-temp: the server did not start" >&2
            return 1
        fi
    done
    pg_temp_as_owner "$bindir/createdb" --host="$PG_TEMP_DIR" --port="$port" \
        --username="$PG_TEMP_USER" "$PG_TEMP_DB"
    PG_TEMP_PORT=$port
    DATABASE_URL="postgres://$PG_TEMP_USER@127.0.0.1:$port/$PG_TEMP_DB"
    export DATABASE_URL PG_TEMP_DIR PG_TEMP_PORT
}

pg_temp_stop() {
    local dir="${1:-${PG_TEMP_DIR:-}}"
    [ -n "$dir" ] && [ -d "$dir" ] || return 0
    local bindir
    bindir=$(pg_temp_bindir) || true
    if [ -n "$bindir" ] && [ -f "$dir/data/postmaster.pid" ]; then
        pg_temp_as_owner "$bindir/pg_ctl" --pgdata="$dir/data" --mode=immediate --wait stop \
            >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

# Executed rather than sourced: dispatch on the first argument.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    case "${1:-}" in
        run)
            shift
            [ $# -gt 0 ] || { echo "usage: $0 run CMD [ARGS...]" >&2; exit 2; }
            trap 'pg_temp_stop "${PG_TEMP_DIR:-}"' EXIT
            trap 'exit 130' INT TERM
            pg_temp_start
            echo "pg-temp: PostgreSQL at $DATABASE_URL" >&2
            set +e
            "$@"
            status=$?
            set -e
            exit "$status"
            ;;
        start)
            pg_temp_start
            echo "DATABASE_URL=$DATABASE_URL"
            echo "PG_TEMP_DIR=$PG_TEMP_DIR"
            ;;
        stop)
            pg_temp_stop "${2:?usage: $0 stop DIR}"
            ;;
        *)
            echo "usage: $0 run CMD [ARGS...] | start | stop DIR" >&2
            exit 2
            ;;
    esac
fi
