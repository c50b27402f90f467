"""Settings of the sending workers the fault-injection test starts and kills: the test settings,
a database file or server from DATABASE_URL, a durable fake provider (FAULT_EMAIL_PATH: "batch" or
"one_by_one"), short leases, and django-tasks' database backend when FAULT_TASKS=database (for
`db_worker`)."""

import os

from config.settings.test import *  # noqa: F403

EMAIL_BACKEND = {
    "batch": "tests.newsletter.durable_provider.EmailBackend",
    "one_by_one": "tests.newsletter.durable_provider.OneByOneBackend",
}[os.environ.get("FAULT_EMAIL_PATH", "batch")]
EMAIL_PROVIDER = "test"
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_BATCH_SIZE", "10"))
NEWSLETTER_SEND_LEASE_SECONDS = int(os.environ.get("NEWSLETTER_SEND_LEASE_SECONDS", "2"))
if os.environ.get("FAULT_TASKS") == "database":
    TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
    }
LOGGING = {"version": 1, "disable_existing_loggers": True}
