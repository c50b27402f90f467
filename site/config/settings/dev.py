"""Development: the embedded defaults, debug on, a fixed local secret."""

from .base import *
from .base import VAR_DIR, env, env_bool, env_list

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-secret-key-not-for-production-use-0123456789")
VAR_DIR.mkdir(parents=True, exist_ok=True)
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
# The demo's legal notice: who the demo says is responsible, and that it runs on this machine.
PUBLICATION_DIRECTOR = env(
    "PUBLICATION_DIRECTOR", "le représentant légal de l'APSH 34 (site de démonstration)"
)
SITE_HOST = env("SITE_HOST", "poste de développement local (site de démonstration)")
# Two-factor authentication is offered but required of no one on a development machine (the demo
# accounts sign in with their password alone); set the variables to try the requirement.
TWO_FACTOR_REQUIRED_GROUPS = env_list("TWO_FACTOR_REQUIRED_GROUPS", "")
TWO_FACTOR_REQUIRED_FOR_SUPERUSERS = env_bool("TWO_FACTOR_REQUIRED_FOR_SUPERUSERS", False)

# The page cache (core.cache) is off in development, where templates change under the server's feet;
# PAGE_CACHE=true switches it on to try it.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", False)
