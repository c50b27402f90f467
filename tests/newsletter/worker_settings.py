"""Settings of the sending workers the fault-injection test starts and kills: the test settings,
a database file or server from DATABASE_URL, the durable fake provider, short leases."""

import os

from config.settings.test import *  # noqa: F403

EMAIL_BACKEND = "tests.newsletter.durable_provider.EmailBackend"
EMAIL_PROVIDER = "test"
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_BATCH_SIZE", "10"))
NEWSLETTER_SEND_LEASE_SECONDS = int(os.environ.get("NEWSLETTER_SEND_LEASE_SECONDS", "2"))
LOGGING = {"version": 1, "disable_existing_loggers": True}
