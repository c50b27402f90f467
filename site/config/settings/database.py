"""The database: SQLite by default, any engine dj-database-url knows through DATABASE_URL."""

import dj_database_url

from .environment import VAR_DIR, env

# SQLite by default, PostgreSQL (or any engine dj-database-url knows) through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer writes; the timeout absorbs short write bursts.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The planner's cost of a random page read, for each connection (PostgreSQL's default, 4, is
    # for spinning disks; 1.1 is the usual figure for SSDs and cloud volumes). With 4 the planner
    # reads the whole search index to match a search (a sequential scan that concatenates every
    # entry's title and body vectors) rather than its GIN index: the site search at 50,000
    # resources took 2.3 times longer (EXPLAIN ANALYZE, 386 ms against 170).
    # `PG_RANDOM_PAGE_COST=server` leaves the server's own setting.
    random_page_cost = env("PG_RANDOM_PAGE_COST", "1.1")
    if random_page_cost.lower() != "server":
        options = DATABASES["default"].setdefault("OPTIONS", {})
        given = options.get("options", "")
        options["options"] = f"{given} -c random_page_cost={float(random_page_cost)}".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
