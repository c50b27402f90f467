"""Fake email providers for the fault-injection test, which record every message they accept in
NEWSLETTER_TEST_OUTBOX (one JSON line a recipient, fsync'ed before they answer, so that killing
the worker that called them loses no record):

- `EmailBackend`: anymail's batch semantics (merge_data and merge_headers per recipient, one call
  a batch), the batch path of newsletter.sending;
- `OneByOneBackend`: a plain Django backend, like SMTP or the file backend, so the one-message-per-
  recipient path.

Each line names the recipient, the Message-ID, the provider call it came in and the worker process
that made it, so the test counts copies per recipient and knows which workers were sending."""

import json
import os
import time
import uuid

from django.core.mail.backends.base import BaseEmailBackend

from anymail.backends.test import EmailBackend as AnymailTestBackend
from anymail.message import AnymailRecipientStatus


def record(recipients_and_ids):
    """Wait as a provider's API would (a window in which the worker may be killed), then append one
    durable line per recipient, all from the same call."""
    time.sleep(float(os.environ.get("NEWSLETTER_TEST_PROVIDER_DELAY", "0")))
    call = uuid.uuid4().hex
    lines = "".join(
        json.dumps({"to": to, "message_id": message_id, "call": call, "pid": os.getpid()}) + "\n"
        for to, message_id in recipients_and_ids
    )
    # One write() to a file opened for appending: a worker killed now leaves the whole record or
    # none of it, never half a line under the next worker's.
    descriptor = os.open(
        os.environ["NEWSLETTER_TEST_OUTBOX"], os.O_WRONLY | os.O_APPEND | os.O_CREAT
    )
    try:
        os.write(descriptor, lines.encode("utf-8"))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class EmailBackend(AnymailTestBackend):
    esp_name = "Durable test"

    def post_to_esp(self, payload, message):
        headers = payload.get_params().get("merge_headers", {})
        record(
            (email, headers.get(email, {}).get("Message-ID")) for email in payload.recipient_emails
        )
        return {
            "recipient_status": {
                email: AnymailRecipientStatus(message_id=f"durable-{email}", status="queued")
                for email in payload.recipient_emails
            }
        }


class OneByOneBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            record((to, message.extra_headers.get("Message-ID")) for to in message.to)
        return len(email_messages)
