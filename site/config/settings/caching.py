"""The shared cache, the page cache (core.cache) and a reverse proxy's purge."""

from .environment import VAR_DIR, env, env_bool

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
FRONTEND_CACHE_ENABLED = bool(env("FRONTEND_CACHE_PURGE_URL"))
if FRONTEND_CACHE_ENABLED:
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
        }
    }
