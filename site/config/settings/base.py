"""Settings shared by every environment. Everything that varies is read from the environment.

The embedded defaults (SQLite, database search, local media, console email, inline tasks, local-memory
cache) serve the site on a bare machine; each scale-out service is switched on by one variable. The README
lists every variable in one table.
"""

import os
import pkgutil
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy

import anymail.backends
import dj_database_url

ROOT_DIR = Path(__file__).resolve().parents[3]
SITE_DIR = ROOT_DIR / "site"
VAR_DIR = Path(os.environ.get("VAR_DIR", ROOT_DIR / "var"))


def env(name, default=None):
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # The shared machinery, then one app per domain (docs/architecture.md).
    "core",
    "home",
    "resources",
    "newsletter",
    "events",
    "directory",
    "tenders",
    "members",
    "observatory",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "anymail",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # 304 Not Modified for a page whose ETag (core.cache) the browser already has.
    "django.middleware.http.ConditionalGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # The page cache (core.cache): after CSRF, which sets the cookie of the tokens it writes in a
    # cached page; before everything that needs the session or the database.
    "core.cache.middleware.PageCacheMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "core.twofactor.middleware.TwoFactorMiddleware",
    "config.accounts.PasswordResetThrottleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.middleware.SecurityHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# Database: SQLite by default, PostgreSQL (or any engine dj-database-url knows) through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer writes; the timeout absorbs short write bursts.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Admin logins (config.accounts): django-axes locks an account, and an IP address, out after
# ADMIN_LOGIN_FAILURE_LIMIT failed logins for ADMIN_LOGIN_COOLOFF_MINUTES; password reset requests are
# throttled.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
ADMIN_LOGIN_FAILURE_LIMIT = int(env("ADMIN_LOGIN_FAILURE_LIMIT", "5"))
ADMIN_LOGIN_COOLOFF_MINUTES = int(env("ADMIN_LOGIN_COOLOFF_MINUTES", "15"))
AXES_FAILURE_LIMIT = ADMIN_LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=ADMIN_LOGIN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "config.accounts.client_ip"
AXES_LOCKOUT_CALLABLE = "config.accounts.locked_out"
AXES_VERBOSE = False
ADMIN_PASSWORD_RESET_RATE_LIMIT = env("ADMIN_PASSWORD_RESET_RATE_LIMIT", "5/h")

# Two-factor authentication (core.twofactor, django-otp): a TOTP application and recovery codes.
# Required for the groups of TWO_FACTOR_REQUIRED_GROUPS (moderators by default) and superusers,
# offered to everyone else from the account menu; the admins refuse unverified sessions of people
# who have a device or must have one. Each wrong code doubles the wait before the next try.
TWO_FACTOR_REQUIRED_GROUPS = env_list("TWO_FACTOR_REQUIRED_GROUPS", "Modérateurs")
TWO_FACTOR_REQUIRED_FOR_SUPERUSERS = env_bool("TWO_FACTOR_REQUIRED_FOR_SUPERUSERS", True)
TWO_FACTOR_PROTECTED_PATHS = ["/admin/", "/django-admin/"]
TWO_FACTOR_DEVICE_NAME = "Application d'authentification"
TWO_FACTOR_RECOVERY_NAME = "Codes de secours"
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "MICS 34")
# The network's space (members/): two-factor authentication is offered to every member and required
# for the groups with access to personal data (the coordination team sees every member and contract).
MEMBERS_TWO_FACTOR_REQUIRED_GROUPS = env_list(
    "MEMBERS_TWO_FACTOR_REQUIRED_GROUPS", "Coordination MICS 34"
)
# Members-only pages (Wagtail's privacy by group) send visitors to the members' sign-in.
WAGTAIL_FRONTEND_LOGIN_URL = "members:login"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French first, English through wagtail-localize.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
# The content languages as the admin names them in a sentence ("Publier en anglais"); the public
# language switcher keeps each language's own name (LANGUAGES).
WAGTAIL_CONTENT_LANGUAGES = [("fr", gettext_lazy("français")), ("en", gettext_lazy("anglais"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [SITE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# Static files are served by the site itself (WhiteNoise), media from local disk or object storage.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = env("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SERVE_MEDIA = env_bool("SERVE_MEDIA", not env("AWS_STORAGE_BUCKET_NAME"))
if env("AWS_STORAGE_BUCKET_NAME"):
    # Any S3-compatible object storage (Scaleway, OVHcloud, Outscale, AWS...): credentials through the
    # standard AWS_* variables that django-storages and boto3 read.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "region_name": env("AWS_S3_REGION_NAME"),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN"),
            "default_acl": None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
        },
    }

# Cache: local memory by default, shared Redis or Valkey through CACHE_URL (needed with several workers,
# so that rate limits hold across processes, and so that the workers share one page cache).
# The page cache (core.cache, README "Page cache"): anonymous visitors' pages, in PAGE_CACHE_ALIAS, under
# a generation every worker reads from PAGE_CACHE_GENERATION_ALIAS (a file in VAR_DIR by default, so
# that a publish in one worker purges the pages of all). PAGE_CACHE=false switches it off;
# PAGE_CACHE_TIMEOUT (seconds) bounds how long a page waits for a change no signal reports (an event
# that has passed, a bulk update).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
PAGE_CACHE_TIMEOUT = int(env("PAGE_CACHE_TIMEOUT", "600"))
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_GENERATION_ALIAS = "page_generation"
PAGE_CACHE_EXCLUDED_PREFIXES = [
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/media/",
    "/static/",
    "/anymail/",
    "/newsletter/one-click/",
]
if env("CACHE_URL"):
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("CACHE_URL"),
            "KEY_PREFIX": prefix,
        }
        for alias, prefix in (
            ("default", "mics34"),
            (PAGE_CACHE_ALIAS, "mics34-pages"),
            (PAGE_CACHE_GENERATION_ALIAS, "mics34-pages"),
        )
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        PAGE_CACHE_ALIAS: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": int(env("PAGE_CACHE_MAX_ENTRIES", "2000"))},
        },
        PAGE_CACHE_GENERATION_ALIAS: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache" / "page-generation"),
        },
    }

# A reverse proxy or CDN in front (README, "Deployment"): Wagtail purges a published page's URLs there
# (wagtail.contrib.frontend_cache); FRONTEND_CACHE_PURGE_URL is the proxy's purge address (nginx's
# proxy_cache_purge, Varnish's PURGE method).
if env("FRONTEND_CACHE_PURGE_URL"):
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
        }
    }

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

# Newsletter (see README, "Newsletter"): sender, batch size per provider call, and the limits of the
# subscribe form. The batch size follows the provider's batch API unless NEWSLETTER_BATCH_SIZE is set.
NEWSLETTER_FROM_EMAIL = env("NEWSLETTER_FROM_EMAIL", DEFAULT_FROM_EMAIL)
NEWSLETTER_BATCH_SIZES = {
    "brevo": 1000,
    "mailjet": 50,
    "sendgrid": 1000,
    "postmark": 500,
    "amazon_ses": 50,
    "mailgun": 1000,
}
NEWSLETTER_BATCH_SIZE = int(
    env("NEWSLETTER_BATCH_SIZE", NEWSLETTER_BATCH_SIZES.get(EMAIL_PROVIDER, 20))
)
NEWSLETTER_MESSAGE_ID_DOMAIN = env(
    "NEWSLETTER_MESSAGE_ID_DOMAIN", DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ")
)
NEWSLETTER_SEND_LEASE_SECONDS = int(env("NEWSLETTER_SEND_LEASE_SECONDS", "600"))
NEWSLETTER_CONFIRMATION_MAX_AGE = 7 * 24 * 3600
# The key of the suppression list's hashes (newsletter.models.email_hash): required in production,
# never changed once set (derived from SECRET_KEY when empty, in development and tests).
NEWSLETTER_SUPPRESSION_KEY = env("NEWSLETTER_SUPPRESSION_KEY", "")
NEWSLETTER_RATE_LIMIT = env("NEWSLETTER_RATE_LIMIT", "5/10m")
# An address that bounces temporarily on this many consecutive sends is suppressed.
NEWSLETTER_SOFT_BOUNCE_LIMIT = int(env("NEWSLETTER_SOFT_BOUNCE_LIMIT", "3"))

# Search: Wagtail's database backend by default (SQLite FTS5, or PostgreSQL with the french_unaccent
# configuration that home's migration creates); Elasticsearch 9 with a French analyzer through
# ELASTICSEARCH_URL.
if env("ELASTICSEARCH_URL"):
    from config.search import elasticsearch_backend

    WAGTAILSEARCH_BACKENDS = {
        "default": elasticsearch_backend(
            env("ELASTICSEARCH_URL"), env("ELASTICSEARCH_INDEX_PREFIX", "mics34_")
        )
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "core.search.backends",
            "SEARCH_CONFIG": "french_unaccent",
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "core.search.backends"}}

# What a word weighs in each search field, by the field's name, relative to the others (README,
# "Search"): title above summary above body above attached documents and taxonomy names. PostgreSQL
# ranks with these as its four weight classes, SQLite weighs its title column against its body column
# by title / default, Elasticsearch boosts each field by its weight.
SEARCH_FIELD_WEIGHTS = {
    "title": 1.0,
    "name": 1.0,
    "summary": 0.5,
    "intro": 0.5,
    "hero_title": 0.5,
    "legal_references_text": 0.5,
    "default": 0.25,
    "attachments_text": 0.1,
    "taxonomy_text": 0.1,
}

# Wagtail
WAGTAIL_SITE_NAME = "Clause sociale 34"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "doc", "xlsx", "ods", "csv", "pptx", "odp", "txt"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif", "svg"]
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Slugs in ASCII: "acces-aux-marches", not "accès-aux-marchés", which URLs, emails and permanent
# addresses would carry as %C3%A8.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No request to Gravatar from the admin: editors' avatars are the ones they upload, or initials.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILFORMS_HELP_TEXT_ALLOW_HTML = False
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILLOCALIZE_DISABLE_AUTOSYNC = False

# Legal notice (LCEN, loi 2004-575, art. 6): the publication director and the host (name, address,
# telephone), shown at the foot of every page; required in production.
PUBLICATION_DIRECTOR = env("PUBLICATION_DIRECTOR", "")
SITE_HOST = env("SITE_HOST", "")
# The site's RGAA compliance state, in the footer and the accessibility statement: "non" until an
# audit gives "partiel" or "total".
ACCESSIBILITY_STATUSES = ("non", "partiel", "total")
ACCESSIBILITY_STATUS = env("ACCESSIBILITY_STATUS", "non")

# robots.txt disallows everything when false (staging, preview servers).
ALLOW_INDEXING = env_bool("ALLOW_INDEXING", True)

# Contact form: this many posts per address and per window before the form answers "try later".
CONTACT_RATE_LIMIT = env("CONTACT_RATE_LIMIT", "5/10m")
# The longest message the contact form accepts (characters).
CONTACT_MESSAGE_MAX_LENGTH = int(env("CONTACT_MESSAGE_MAX_LENGTH", "5000"))
RATELIMIT_VIEW = "core.ratelimit.rate_limited"

# The apps' demo builders (core.demo), run in this order by `manage.py load_demo_content`: the home
# page first, since every other app's pages go under it.
DEMO_BUILDERS = [
    "home.demo.HomeDemo",
    "resources.demo.ResourcesDemo",
    "newsletter.demo.NewsletterDemo",
    "events.demo.EventsDemo",
    "directory.demo.DirectoryDemo",
    "tenders.demo.TendersDemo",
    "members.demo.MembersDemo",
    "observatory.demo.ObservatoryDemo",
]
RATELIMIT_IP_META_KEY = env("RATELIMIT_IP_META_KEY") or None

# The procurement watch's BOAMP importer (tenders/boamp.py): the opendatasoft explore API v2.1.
BOAMP_API_URL = env("BOAMP_API_URL", "https://boamp-datadila.opendatasoft.com/api/explore/v2.1")
# The DECP file (essential data of notified contracts, format v2, JSON or consolidated CSV) read by
# `import_decp`: best a per-département export (the file is read whole). Empty: give --url.
DECP_URL = env("DECP_URL", "")
BOAMP_API_TIMEOUT = float(env("BOAMP_API_TIMEOUT", "30"))
BOAMP_API_RETRIES = int(env("BOAMP_API_RETRIES", "3"))
BOAMP_API_BACKOFF = float(env("BOAMP_API_BACKOFF", "2"))

# Content Security Policy: nothing is loaded from a third-party server; embedded videos load in a frame
# only after the visitor clicks (see home/blocks.py). The Wagtail admin keeps its own inline scripts.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"] + env_list("CSP_IMG_SRC", ""),
        "font-src": ["'self'"],
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
            "https://www.dailymotion.com",
        ],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# The admins' policy (config.middleware): scripts and styles only from the site itself, plus the inline
# ones Wagtail's admin templates carry (its edit views run inline scripts, which neither nonces nor
# hashes can follow from one Wagtail release to the next); previews and embeds show the site and the
# video providers in frames; nothing else from any other server.
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"] + env_list("CSP_IMG_SRC", ""),
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": [
        "'self'",
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
        "https://player.vimeo.com",
        "https://www.dailymotion.com",
    ],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}

# Agenda (events/): registrations are erased this many months after their event
# (`manage.py erase_past_registrations`), and the registration form takes this many posts per
# address and window.
EVENTS_REGISTRATION_RETENTION_MONTHS = int(env("EVENTS_REGISTRATION_RETENTION_MONTHS", "12"))
EVENTS_RATE_LIMIT = env("EVENTS_RATE_LIMIT", "5/10m")

# Directory (directory/): the map draws the shipped commune outlines and asks no other server, unless
# MAP_TILES_URL names a tile server ("https://tiles.example.org/{z}/{x}/{y}.png"), drawn under the
# outlines with MAP_TILES_ATTRIBUTION; the CSP then allows that server for images, on the map pages
# only. Correction proposals: posts per address and window, and days a pending one is kept.
MAP_TILES_URL = env("MAP_TILES_URL", "")
MAP_TILES_ATTRIBUTION = env("MAP_TILES_ATTRIBUTION", "")
DIRECTORY_CORRECTION_RATE_LIMIT = env("DIRECTORY_CORRECTION_RATE_LIMIT", "5/10m")
DIRECTORY_CORRECTION_RETENTION_DAYS = int(env("DIRECTORY_CORRECTION_RETENTION_DAYS", "90"))
