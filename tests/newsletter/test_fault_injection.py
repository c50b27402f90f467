"""Kill the sending workers (SIGKILL, two at a time) again and again mid-campaign, then let the
survivors finish, and count what the provider was handed PER RECIPIENT:

- every recipient got the issue, always under the same Message-ID, and the ledger says every one
  was sent;
- on the one-message-per-recipient path (SMTP, file, console, Amazon SES), at most one extra copy
  per killed worker: each outcome is written as its message is handed over;
- on the batch path (one provider call a batch), at most one re-sent batch per killed worker.

Both paths run under both ways of sending: `manage.py send_newsletters` (cron or a timer, restarted
here after the kills) and django-tasks' `db_worker` alone (the send must finish by itself: the task
queues its own resumption for when the dead worker's leases expire). The workers are real processes
on a database file (SQLite pass) or a database of the test server (PostgreSQL pass), migrated once
for the module and copied for each case."""

import collections
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from urllib.parse import urlparse

from django.conf import settings

import pytest

from tests.subprocesses import ROOT, clean_env, run_python

SUBSCRIBERS = 200
BATCH_SIZE = 10
KILLS = 4
# The provider's answer takes this long (seconds): per call on the batch path, per message on the
# other, so that a kill lands inside a call as often as between two.
PROVIDER_DELAY = {"batch": "0.1", "one_by_one": "0.03"}
# Kills land within this many seconds after a worker started handing over: inside a batch.
KILL_WINDOW = 0.5

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def manage(args, env, timeout=300):
    result = run_python(["manage.py", *args], env, timeout=timeout)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def worker_command(runner, send_id):
    if runner == "send_newsletters":
        return ["manage.py", "send_newsletters", "--send", str(send_id)]
    return ["manage.py", "db_worker", "--queue-name", "email", "--interval", "0.2",
            "--no-startup-delay", "--no-reload"]  # fmt: skip


def start_worker(runner, send_id, env):
    return subprocess.Popen(
        [sys.executable, *worker_command(runner, send_id)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def outbox_lines(path):
    if not path.exists():
        return []
    # The last line may still be being written: only finished lines count.
    return [json.loads(line) for line in path.read_text().split("\n")[:-1]]


class WorkerDatabase:
    """The workers' database, read directly from the test (no Django process to start)."""

    def __init__(self, url):
        self.url = url

    def query(self, sql, *params):
        if self.url.startswith("sqlite:"):
            with sqlite3.connect(self.url.removeprefix("sqlite:///"), timeout=20) as connection:
                return connection.execute(sql.replace("%s", "?"), params).fetchone()
        import psycopg

        with psycopg.connect(self.url) as connection:
            return connection.execute(sql, params).fetchone()

    def send_status(self, send_id):
        return self.query("SELECT status FROM newsletter_campaignsend WHERE id = %s", send_id)[0]

    def sent_count(self, send_id):
        return self.query(
            "SELECT COUNT(*) FROM newsletter_delivery WHERE send_id = %s AND status = 'sent'",
            send_id,
        )[0]


def base_env(database_url, **variables):
    return clean_env(
        DJANGO_SETTINGS_MODULE="tests.newsletter.worker_settings",
        DATABASE_URL=database_url,
        PYTHONPATH=f"{ROOT / 'site'}{os.pathsep}{ROOT}",
        **variables,
    )


@pytest.fixture(scope="module")
def fresh_database(tmp_path_factory):
    """fresh_database() -> DATABASE_URL of a migrated, empty database for one case: migrated once
    (the slow part), then copied."""
    if not ON_POSTGRES:
        template = tmp_path_factory.mktemp("fault") / "template.sqlite3"
        manage(["migrate", "--noinput", "-v", "0"], base_env(f"sqlite:///{template}"))

        def copy():
            target = tmp_path_factory.mktemp("fault") / "workers.sqlite3"
            shutil.copyfile(template, target)
            return f"sqlite:///{target}"

        yield copy
        return
    import psycopg

    url = urlparse(os.environ["DATABASE_URL"])
    admin = url._replace(path="/postgres").geturl()
    template = f"fault_template_{uuid.uuid4().hex[:8]}"
    created = [template]
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{template}"')
    manage(
        ["migrate", "--noinput", "-v", "0"], base_env(url._replace(path=f"/{template}").geturl())
    )

    def clone():
        name = f"fault_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        created.append(name)
        return url._replace(path=f"/{name}").geturl()

    try:
        yield clone
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            for name in reversed(created):
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def kill_workers_mid_send(runner, send_id, env, outbox, rng):
    """Start two workers, wait until one hands messages over, kill both at a random moment inside
    a batch (under db_worker, one task runs the send and the other worker waits); again, until KILLS workers died mid-send or every recipient has had a message. Returns
    the kills of workers that had handed something over (one that never did cannot have left a
    message unrecorded)."""
    kills = 0
    deadline = time.monotonic() + 120
    while kills < KILLS and time.monotonic() < deadline:
        before = len(outbox_lines(outbox))
        workers = [start_worker(runner, send_id, env) for _ in range(2)]
        pids = {worker.pid for worker in workers}
        # db_worker waits for the resumption queued at the dead workers' lease expiry.
        started = time.monotonic()
        while time.monotonic() - started < 30 and any(w.poll() is None for w in workers):
            if pids & {line["pid"] for line in outbox_lines(outbox)[before:]}:
                break
            time.sleep(0.02)
        time.sleep(rng.uniform(0, KILL_WINDOW))
        killed = set()
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGKILL)
                killed.add(worker.pid)
            worker.communicate(timeout=30)
        sending = {line["pid"] for line in outbox_lines(outbox)[before:]} & pids
        kills += len(sending & killed)
        if not sending or len({line["to"] for line in outbox_lines(outbox)}) == SUBSCRIBERS:
            break
    return kills


def let_it_finish(runner, send_id, env, database):
    """One worker at a time until the send is done: send_newsletters run again (as its timer
    would), or a single db_worker left running, with nothing else to restart the send."""
    deadline = time.monotonic() + 150
    if runner == "send_newsletters":
        while database.send_status(send_id) != "done" and time.monotonic() < deadline:
            worker = start_worker(runner, send_id, env)
            _, stderr = worker.communicate(timeout=120)
            assert worker.returncode == 0, stderr[-3000:]
            time.sleep(1)
        return
    worker = start_worker(runner, send_id, env)
    try:
        while database.send_status(send_id) != "done" and time.monotonic() < deadline:
            assert worker.poll() is None, worker.communicate()[1][-3000:]
            time.sleep(0.5)
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.communicate(timeout=60)


@pytest.mark.parametrize("runner", ["send_newsletters", "db_worker"])
@pytest.mark.parametrize("path", ["one_by_one", "batch"])
def test_killed_workers_resend_at_most_what_was_in_flight(tmp_path, fresh_database, path, runner):
    outbox = tmp_path / "outbox.jsonl"
    database = WorkerDatabase(fresh_database())
    env = base_env(
        database.url,
        NEWSLETTER_TEST_OUTBOX=str(outbox),
        NEWSLETTER_TEST_PROVIDER_DELAY=PROVIDER_DELAY[path],
        NEWSLETTER_BATCH_SIZE=str(BATCH_SIZE),
        NEWSLETTER_SEND_LEASE_SECONDS="2",
        FAULT_SUBSCRIBERS=str(SUBSCRIBERS),
        FAULT_EMAIL_PATH=path,
        FAULT_TASKS="database" if runner == "db_worker" else "",
    )
    setup = (ROOT / "tests" / "newsletter" / "fault_setup.py").read_text()
    output = manage(["shell", "--no-imports", "-c", setup], env)
    send_id = int(output.split("SEND_ID=")[1].split()[0])

    kills = kill_workers_mid_send(runner, send_id, env, outbox, random.Random(34))
    let_it_finish(runner, send_id, env, database)

    lines = outbox_lines(outbox)
    copies = collections.Counter(line["to"] for line in lines)
    ids = collections.defaultdict(set)
    for line in lines:
        ids[line["to"]].add(line["message_id"])
    extra_copies = sum(count - 1 for count in copies.values())
    print(f"{path}, {runner}: {kills} kills, {len(lines)} messages for {SUBSCRIBERS} recipients")

    assert kills >= 2, "the workers finished before they could be killed"
    assert len(copies) == SUBSCRIBERS
    assert all(len(message_ids) == 1 for message_ids in ids.values())
    if path == "one_by_one":
        assert extra_copies <= kills, {to: n for to, n in copies.items() if n > 1}
    else:
        # One batch per kill: the batch a killed worker had handed over but not yet recorded.
        resent_calls = {line["call"] for line in lines if copies[line["to"]] > 1}
        assert extra_copies <= kills * BATCH_SIZE, (extra_copies, len(resent_calls))
    assert database.send_status(send_id) == "done"
    assert database.sent_count(send_id) == SUBSCRIBERS
