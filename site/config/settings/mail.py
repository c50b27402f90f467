"""Background tasks and email: inline tasks and console email by default; the database queue,
SMTP or an anymail provider by variables."""

import os
import pkgutil

from django.core.exceptions import ImproperlyConfigured

import anymail.backends

from .environment import VAR_DIR, env, env_bool

# Background tasks: inline by default; a database queue served by `manage.py db_worker` when
# TASKS_BACKEND=database.
TASKS_BACKEND = env("TASKS_BACKEND", "immediate")
TASKS_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if TASKS_BACKEND not in TASKS_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND={TASKS_BACKEND!r} est inconnu : valeurs possibles « immediate » ou « database »."
    )
TASKS = {
    "default": {
        "BACKEND": TASKS_BACKENDS[TASKS_BACKEND],
        "QUEUES": ["default", "email"],
    }
}

# Email: console by default, SMTP with EMAIL_PROVIDER=smtp, or any provider anymail supports
# (EMAIL_PROVIDER=brevo, mailjet, amazon_ses, postmark, sendgrid...) with its ANYMAIL_* variables.
EMAIL_PROVIDER = env("EMAIL_PROVIDER", "console")
# The providers anymail has a backend for (a misspelt name is refused here, not at the first email).
ANYMAIL_PROVIDERS = {
    module.name
    for module in pkgutil.iter_modules(anymail.backends.__path__)
    if module.name not in {"base", "base_requests", "console", "test"}
}
if EMAIL_PROVIDER == "console":
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
elif EMAIL_PROVIDER == "file":
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
elif EMAIL_PROVIDER == "smtp":
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env("EMAIL_HOST", "localhost")
    EMAIL_PORT = int(env("EMAIL_PORT", "25"))
    EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
    EMAIL_TIMEOUT = 20
elif EMAIL_PROVIDER in ANYMAIL_PROVIDERS:
    EMAIL_BACKEND = f"anymail.backends.{EMAIL_PROVIDER}.EmailBackend"
else:
    raise ImproperlyConfigured(
        f"EMAIL_PROVIDER={EMAIL_PROVIDER!r} est inconnu : valeurs possibles console, file, smtp, "
        + ", ".join(sorted(ANYMAIL_PROVIDERS))
        + "."
    )
ANYMAIL = {
    key.removeprefix("ANYMAIL_"): value
    for key, value in os.environ.items()
    if key.startswith("ANYMAIL_") and value
}
# The provider tracking webhook mounted under /anymail/ (only the configured provider's; none for
# SMTP). NEWSLETTER_WEBHOOKS=false mounts none (no delivery statistics, no automatic suppression).
NEWSLETTER_WEBHOOK_PROVIDERS = (
    [EMAIL_PROVIDER]
    if EMAIL_PROVIDER in ANYMAIL_PROVIDERS and env_bool("NEWSLETTER_WEBHOOKS", True)
    else []
)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Clause sociale 34 <contact@clausesociale34.fr>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Where contact-form submissions go when the form page names no address of its own.
CONTACT_EMAIL = env("CONTACT_EMAIL", "contact@clausesociale34.fr")
