"""Production: every secret and address comes from the environment; a missing one stops the start with
its name. `manage.py check --deploy` is clean with these settings."""

from django.core.exceptions import ImproperlyConfigured

from newsletter.webhook_auth import missing_webhook_credentials

from .base import *
from .base import env, env_bool, env_list

REQUIRED = [
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "WAGTAILADMIN_BASE_URL",
    "DEFAULT_FROM_EMAIL",
    "NEWSLETTER_SUPPRESSION_KEY",
    "PUBLICATION_DIRECTOR",
    "SITE_HOST",
]
missing = [name for name in REQUIRED if not env(name)]
if missing:
    raise ImproperlyConfigured(
        "Variables d'environnement manquantes pour la production : " + ", ".join(missing)
    )

DEBUG = False
if env("ACCESSIBILITY_STATUS", "non") not in ACCESSIBILITY_STATUSES:
    raise ImproperlyConfigured(
        "ACCESSIBILITY_STATUS doit valoir non, partiel ou total (état de conformité au RGAA)."
    )
SECRET_KEY = env("SECRET_KEY")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured("SECRET_KEY est trop courte : 50 caractères aléatoires au moins.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list(
    "CSRF_TRUSTED_ORIGINS", ",".join(f"https://{h}" for h in ALLOWED_HOSTS)
)

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Wagtail's live preview shows the page in a same-origin frame, so frames stay allowed from the site
# itself (X_FRAME_OPTIONS = "SAMEORIGIN" and CSP frame-ancestors 'self'); other origins are refused.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

if EMAIL_PROVIDER == "console":
    raise ImproperlyConfigured(
        "EMAIL_PROVIDER doit désigner un envoi réel en production (smtp, brevo, mailjet, amazon_ses...)."
    )

# A provider's tracking webhook without credentials would let anyone suppress the list with forged
# bounces: refuse to start (or set NEWSLETTER_WEBHOOKS=false to mount no webhook).
for provider in NEWSLETTER_WEBHOOK_PROVIDERS:
    missing_credentials = missing_webhook_credentials(provider, ANYMAIL)
    if missing_credentials:
        raise ImproperlyConfigured(
            f"Le webhook de suivi de {provider} n'est pas protégé : définissez "
            + " ou ".join(missing_credentials)
            + " (ou NEWSLETTER_WEBHOOKS=false)."
        )

# A tile server is an outside server every map visitor's browser asks: https only, with its attribution.
if env("MAP_TILES_URL") and not (
    env("MAP_TILES_URL").startswith("https://")
    and all(part in env("MAP_TILES_URL") for part in ("{z}", "{x}", "{y}"))
    and env("MAP_TILES_ATTRIBUTION")
):
    raise ImproperlyConfigured(
        "MAP_TILES_URL doit être une adresse https:// contenant {z}, {x} et {y}, "
        "et MAP_TILES_ATTRIBUTION doit citer la source du fond de carte."
    )
