"""Newsletter sending benchmark: a campaign to 100,000 subscribers handed to anymail's test backend
in provider batches (merge data, rendered once), against rendering and sending each message one by
one, in the same run. Peak memory of the sending worker at 10,000 and 100,000 recipients.

    .venv/bin/python benchmarks/newsletter.py [--subscribers 100000] [--small 10000]

The database is a SQLite file in a temp dir (removed at the end), so that its rows are not counted
as the worker's memory. Each measured send runs in a forked child of the process that built it, so
the child's peak RSS minus its RSS at start is the memory that send used. Results: a table, and
benchmarks/results/newsletter.json."""

import argparse
import json
import os
import resource
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
TMP = Path(tempfile.mkdtemp(prefix="mics34-newsletter-bench-"))
os.environ["DATABASE_URL"] = f"sqlite:///{TMP / 'bench.sqlite3'}"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from anymail.backends.test import EmailBackend as AnymailTestBackend  # noqa: E402
from anymail.message import AnymailRecipientStatus  # noqa: E402


class CountingBackend(AnymailTestBackend):
    """anymail's test backend (the full payload is built: merge data, headers, per recipient),
    without keeping every message in memory as its outbox does."""

    handed_over = 0

    def post_to_esp(self, payload, message):
        payload.get_params()
        CountingBackend.handed_over += len(payload.recipient_emails)
        return {
            "recipient_status": {
                email: AnymailRecipientStatus(message_id=f"{i}", status="sent")
                for i, email in enumerate(payload.recipient_emails)
            }
        }


def rss_kib():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def in_child(function):
    """Run `function` in a forked child; returns its result and the child's memory growth (KiB)."""
    from django.db import connections

    connections.close_all()  # the child opens its own connection to the database file
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        start = rss_kib()
        try:
            result = function()
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            payload = json.dumps({"result": result, "memory_kib": max(0, peak - start)})
        except BaseException as error:
            payload = json.dumps({"error": repr(error)})
        os.write(write, payload.encode())
        os.close(write)
        connections.close_all()
        os._exit(0)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    os.waitpid(pid, 0)
    data = json.loads(b"".join(chunks))
    if "error" in data:
        raise RuntimeError(data["error"])
    return data["result"], data["memory_kib"]


def build(total, small):
    from wagtail.models import Page

    from home.factories import ContentPageFactory
    from newsletter.factories import NewsletterIndexPageFactory, NewsletterPageFactory
    from newsletter.models import Audience, Consent, ConsentSource, Purpose, Subscriber

    call_command("migrate", verbosity=0)
    audiences = {a.key: a for a in Audience.ensure_defaults()}
    root = Page.get_first_root_node()
    for n in range(3):
        ContentPageFactory(parent=root, title=f"Guide {n}").save_revision().publish()
    index = NewsletterIndexPageFactory(parent=root)
    issue = NewsletterPageFactory(parent=index, title="Lettre n° 12")
    issue.save_revision().publish()
    now = timezone.now()
    Through = Subscriber.audiences.through
    for start in range(0, total, 10_000):
        people = Subscriber.objects.bulk_create(
            [
                Subscriber(email=f"abonne{n:06d}@example.org", name=f"Abonné {n}", confirmed_at=now)
                for n in range(start, min(total, start + 10_000))
            ]
        )
        Consent.objects.bulk_create(
            [
                Consent(
                    subscriber=s,
                    purpose=Purpose.NEWSLETTER,
                    source=ConsentSource.IMPORT,
                    wording="bench",
                    confirmed_at=now,
                )
                for s in people
            ]
        )
        rows = [
            Through(subscriber_id=s.pk, audience_id=audiences["public_buyer"].pk) for s in people
        ]
        rows += [
            Through(subscriber_id=s.pk, audience_id=audiences["facilitator"].pk)
            for i, s in enumerate(people, start=start)
            if i < small
        ]
        Through.objects.bulk_create(rows)
    return issue, audiences


def batched_send(issue, audience):
    from newsletter.models import CampaignSend
    from newsletter.sending import run_send, start_send

    def run():
        CountingBackend.handed_over = 0
        send = CampaignSend.objects.create(page=issue, scheduled_at=timezone.now())
        send.audiences.set([audience])
        began = time.perf_counter()
        start_send(send.pk)
        ledger = time.perf_counter() - began
        assert run_send(send.pk) == "done"
        total = time.perf_counter() - began
        return {
            "messages": CountingBackend.handed_over,
            "ledger_s": ledger,
            "sending_s": total - ledger,
            "total_s": total,
        }

    return in_child(run)


def one_by_one(issue, count):
    """The naive way: render the issue for each recipient, one provider call per message."""
    from django.core.mail import EmailMultiAlternatives, get_connection

    from newsletter import subscriptions
    from newsletter.models import Subscriber
    from newsletter.rendering import render_campaign, salutation, substitute

    def run():
        CountingBackend.handed_over = 0
        connection = get_connection()
        people = list(Subscriber.objects.order_by("pk")[:count])
        began = time.perf_counter()
        for person in people:
            rendered = render_campaign(issue)
            values = {
                "salutation": salutation(person.name),
                "preferences_url": subscriptions.preferences_url(person),
                "unsubscribe_url": subscriptions.unsubscribe_url(person),
            }
            message = EmailMultiAlternatives(
                rendered.subject,
                substitute(rendered.text, values),
                settings.NEWSLETTER_FROM_EMAIL,
                [person.email],
                connection=connection,
                headers=subscriptions.list_unsubscribe_headers(person),
            )
            message.attach_alternative(substitute(rendered.html, values), "text/html")
            message.send()
        return {"messages": CountingBackend.handed_over, "total_s": time.perf_counter() - began}

    return in_child(run)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--one-by-one", type=int, default=1_000, help="messages of the baseline")
    parser.add_argument("--batch-size", type=int, default=1000, help="Brevo's batch size")
    parser.add_argument("--time-limit", type=int, default=900)
    args = parser.parse_args()
    signal.alarm(args.time_limit)  # bounded: a stuck run is killed, not waited for

    settings.EMAIL_BACKEND = (
        f"{__name__}.CountingBackend"
        if __name__ != "__main__"
        else ("newsletter_bench_backend.CountingBackend")
    )
    sys.modules["newsletter_bench_backend"] = sys.modules[__name__]
    settings.EMAIL_PROVIDER = "brevo"
    settings.NEWSLETTER_BATCH_SIZE = args.batch_size
    settings.LOGGING_CONFIG = None
    import logging

    logging.disable(logging.WARNING)

    print(f"building {args.subscribers} subscribers (SQLite file in {TMP})...", flush=True)
    began = time.perf_counter()
    issue, audiences = build(args.subscribers, args.small)
    print(f"built in {time.perf_counter() - began:.1f} s", flush=True)

    small, small_mem = batched_send(issue, audiences["facilitator"])
    large, large_mem = batched_send(issue, audiences["public_buyer"])
    naive, naive_mem = one_by_one(issue, args.one_by_one)

    rate = large["messages"] / large["sending_s"]
    rate_total = large["messages"] / large["total_s"]
    naive_rate = naive["messages"] / naive["total_s"]
    results = {
        "batch_size": args.batch_size,
        "batched": {
            f"{args.small}": {**small, "memory_kib": small_mem},
            f"{args.subscribers}": {**large, "memory_kib": large_mem},
        },
        "one_by_one": {**naive, "memory_kib": naive_mem},
        "messages_per_second": rate,
        "messages_per_second_with_ledger": rate_total,
        "one_by_one_messages_per_second": naive_rate,
        "ratio": rate / naive_rate,
    }
    print()
    print(f"{'run':<32}{'messages':>10}{'seconds':>10}{'msg/s':>10}{'memory MiB':>12}")
    for label, run, mem in (
        (f"batched, {args.small} recipients", small, small_mem),
        (f"batched, {args.subscribers} recipients", large, large_mem),
        ("one by one (render + send each)", naive, naive_mem),
    ):
        seconds = run.get("sending_s", run["total_s"])
        print(
            f"{label:<32}{run['messages']:>10}{seconds:>10.2f}"
            f"{run['messages'] / seconds:>10.0f}{mem / 1024:>12.1f}"
        )
    print(
        f"\nhanded to the provider: {rate:.0f} msg/s ({rate_total:.0f} msg/s counting the ledger's "
        f"creation), {results['ratio']:.1f}x the one-by-one rate; worker memory "
        f"{small_mem / 1024:.1f} MiB at {args.small}, {large_mem / 1024:.1f} MiB at "
        f"{args.subscribers}."
    )
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "newsletter.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
