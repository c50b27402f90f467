"""Kill the sending workers (SIGKILL, two at a time) again and again mid-campaign, then let them
finish: every recipient has exactly one message (told apart by Message-ID, as mailbox providers
do), and the ledger says every one was sent.

The workers are real processes (`manage.py send_newsletters`) on a database file (SQLite pass) or a
fresh database of the test server (PostgreSQL pass), with the durable fake provider."""

import collections
import json
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from urllib.parse import urlparse

from django.conf import settings

import pytest

from tests.subprocesses import ROOT, clean_env, run_python

SUBSCRIBERS = 400
KILLS = 12


def manage(args, env, timeout=300):
    result = run_python(["manage.py", *args], env, timeout=timeout)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def start_worker(send_id, env):
    return subprocess.Popen(
        [sys.executable, "manage.py", "send_newsletters", "--send", str(send_id)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def outbox_lines(path):
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


@pytest.fixture
def worker_database(tmp_path):
    """DATABASE_URL of an empty database for the workers, on the engine of this pass."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        yield f"sqlite:///{tmp_path / 'workers.sqlite3'}"
        return
    import psycopg

    url = urlparse(os.environ["DATABASE_URL"])
    name = f"fault_{uuid.uuid4().hex[:8]}"
    admin = url._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_killed_workers_send_every_message_exactly_once(tmp_path, worker_database):
    outbox = tmp_path / "outbox.jsonl"
    env = clean_env(
        DJANGO_SETTINGS_MODULE="tests.newsletter.worker_settings",
        DATABASE_URL=worker_database,
        NEWSLETTER_TEST_OUTBOX=str(outbox),
        NEWSLETTER_TEST_PROVIDER_DELAY="0.03",
        NEWSLETTER_BATCH_SIZE="10",
        NEWSLETTER_SEND_LEASE_SECONDS="2",
        FAULT_SUBSCRIBERS=str(SUBSCRIBERS),
        PYTHONPATH=f"{ROOT / 'site'}{os.pathsep}{ROOT}",
    )
    manage(["migrate", "--noinput", "-v", "0"], env)
    setup = (ROOT / "tests" / "newsletter" / "fault_setup.py").read_text()
    output = manage(["shell", "--no-imports", "-c", setup], env)
    send_id = int(output.split("SEND_ID=")[1].split()[0])

    rng = random.Random(34)
    kills = 0
    deadline = time.monotonic() + 240
    while kills < KILLS and time.monotonic() < deadline:
        before = len(outbox_lines(outbox))
        workers = [start_worker(send_id, env) for _ in range(2)]
        # Wait until they are sending (the outbox grows), then kill them at a random moment.
        while len(outbox_lines(outbox)) == before and all(w.poll() is None for w in workers):
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.25))
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGKILL)
                kills += 1
            worker.communicate(timeout=30)
        if len({line["to"] for line in outbox_lines(outbox)}) == SUBSCRIBERS:
            break

    # Then let one worker at a time finish, waiting out the leases of the killed ones.
    for _ in range(30):
        worker = start_worker(send_id, env)
        stdout, stderr = worker.communicate(timeout=120)
        assert worker.returncode == 0, stderr[-3000:]
        if "done" in stdout or "terminé" in stdout:
            break
        time.sleep(1)

    lines = outbox_lines(outbox)
    per_recipient = collections.defaultdict(set)
    recipients_per_id = collections.defaultdict(set)
    for line in lines:
        per_recipient[line["to"]].add(line["message_id"])
        recipients_per_id[line["message_id"]].add(line["to"])
    assert kills >= 4, "the workers finished before they could be killed"
    assert len(per_recipient) == SUBSCRIBERS
    assert all(len(ids) == 1 for ids in per_recipient.values()), {
        to: ids for to, ids in per_recipient.items() if len(ids) > 1
    }
    assert all(len(to) == 1 for to in recipients_per_id.values())
    # Re-sends can only come from batches in flight when a worker was killed.
    assert len(lines) - SUBSCRIBERS <= kills * 10
    ledger = manage(
        [
            "shell",
            "--no-imports",
            "-c",
            "from newsletter.models import CampaignSend; "
            f"s = CampaignSend.objects.get(pk={send_id}); print(s.status, s.report()['sent'])",
        ],
        env,
    )
    assert ledger.split() == ["done", str(SUBSCRIBERS)]
    print(f"{kills} kills, {len(lines)} messages handed over for {SUBSCRIBERS} recipients")
