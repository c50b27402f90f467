"""Tests: fast hashing, in-memory email, inline tasks; the database comes from DATABASE_URL when set
(the PostgreSQL run of `make test`), SQLite otherwise."""

import tempfile
from pathlib import Path

from .base import *
from .base import env

SECRET_KEY = "test-secret-key-not-for-production-0123456789abcdef"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The webhooks the tests post to (production mounts only EMAIL_PROVIDER's).
NEWSLETTER_WEBHOOK_PROVIDERS = ["brevo", "mailjet", "amazon_ses", "postmark", "sendgrid", "mailgun"]
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "email"],
    }
}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="mics34-test-media-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="mics34-test-static-"))
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
CACHES = {
    alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
    for alias in ("default", PAGE_CACHE_ALIAS, PAGE_CACHE_GENERATION_ALIAS)
}
# Off: a test that saves a page and reads it again expects the new content, purge or not
# (tests/site/test_page_cache.py switches it on).
PAGE_CACHE_ENABLED = False
WAGTAILADMIN_BASE_URL = "http://testserver"
if not env("DATABASE_URL"):
    DATABASES["default"]["NAME"] = ":memory:"
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
PUBLICATION_DIRECTOR = "Camille Directrice"
SITE_HOST = "Hébergeur Exemple SAS, 1 rue de l'Exemple, 34000 Montpellier, 04 00 00 00 00"
