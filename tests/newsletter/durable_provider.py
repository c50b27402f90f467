"""A fake email provider for the fault-injection test: anymail's batch semantics (merge_data and
merge_headers per recipient, one call per batch), and a record of every message it accepts,
appended to NEWSLETTER_TEST_OUTBOX and fsync'ed before it answers, so that killing the worker that
called it loses nothing. Like mailbox providers, the record tells messages apart by Message-ID."""

import json
import os
import time

from anymail.backends.test import EmailBackend as AnymailTestBackend
from anymail.message import AnymailRecipientStatus


class EmailBackend(AnymailTestBackend):
    esp_name = "Durable test"

    def post_to_esp(self, payload, message):
        params = payload.get_params()
        headers = params.get("merge_headers", {})
        delay = float(os.environ.get("NEWSLETTER_TEST_PROVIDER_DELAY", "0"))
        lines = []
        for email in payload.recipient_emails:
            lines.append(
                json.dumps({"to": email, "message_id": headers.get(email, {}).get("Message-ID")})
            )
        time.sleep(delay)  # the provider's API call: a window in which the worker may be killed
        with open(os.environ["NEWSLETTER_TEST_OUTBOX"], "a", encoding="utf-8") as outbox:
            outbox.write("".join(line + "\n" for line in lines))
            outbox.flush()
            os.fsync(outbox.fileno())
        return {
            "recipient_status": {
                email: AnymailRecipientStatus(message_id=f"durable-{email}", status="queued")
                for email in payload.recipient_emails
            }
        }
