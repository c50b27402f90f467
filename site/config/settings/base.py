"""Settings shared by every environment. Everything that varies is read from the environment.

The embedded defaults (SQLite, database search, local media, console email, inline tasks, local-memory
cache) serve the site on a bare machine; each scale-out service is switched on by one variable. The README
lists every variable in one table.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy

# Each concern has its own module (a later one imports what it needs from an earlier one); this one
# holds Django's and Wagtail's own settings and gathers the others.
from .accounts import *
from .caching import *
from .caching import FRONTEND_CACHE_ENABLED
from .database import *
from .domains import *
from .environment import ROOT_DIR, SITE_DIR, VAR_DIR, env, env_bool, env_list  # noqa: F401
from .mail import *
from .search import *
from .security import *

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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}

# A reverse proxy or CDN in front (caching.py): Wagtail purges it on publish.
if FRONTEND_CACHE_ENABLED:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
