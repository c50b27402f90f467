"""The demo-content framework: the accounts, the references the apps' pages point to, and the
builders each app declares in `<app>/demo/`, run by `manage.py load_demo_content` in the order of
settings.DEMO_BUILDERS.

A builder is a `DemoBuilder` subclass. `prepare(demo)` creates (as unpublished drafts if need be) the
pages that other apps' content points to and records them in `demo.refs`; it runs for every builder,
in one transaction with the accounts, before any `build(demo)`, which writes and publishes the
content and its translations (in transactions of its own choosing). Both must be idempotent: look
pages up by slug and locale, and republish only what differs, so that a second run changes nothing.
"""

import copy
import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.module_loading import import_string

from wagtail.images import get_image_model
from wagtail.models import Locale

ACCOUNTS_FILE = "demo-admin-password.txt"


class DemoError(Exception):
    """The demo cannot be built on this database (say what to do, in French)."""


def french(fr, en):
    return fr


def english(fr, en):
    return en


class References:
    """The pages, documents and images the content points to (the French ones), by key. A draft's
    references (`strict=False`) may be missing: only its title, slug and intro are used."""

    def __init__(self, strict=True):
        self.strict = strict
        self.pages = {}
        self.documents = {}
        self.images = {}

    def _get(self, registry, key):
        return registry[key] if self.strict else registry.get(key)

    def page(self, key):
        return self._get(self.pages, key)

    def document(self, key):
        return self._get(self.documents, key)

    def image(self, key):
        # A copy, because an image block stores its alt text on the Image instance itself.
        image = self._get(self.images, key)
        return copy.copy(image) if image is not None else get_image_model()()


class Demo:
    """What the builders share while the demo site is built: the administrator who writes the pages,
    the two locales, the references, and the report printed at the end."""

    def __init__(self, admin):
        self.admin = admin
        self.fr, _ = Locale.objects.get_or_create(language_code="fr")
        self.en, _ = Locale.objects.get_or_create(language_code="en")
        self.refs = References()
        self.report = {"created": [], "updated": [], "translated": []}

    def publish(self, page):
        """Publish the page's current state as a revision by the administrator."""
        page.save_revision(user=self.admin, log_action=True).publish(user=self.admin)
        page.refresh_from_db()


class DemoBuilder:
    """One app's demo content (see the module's docstring)."""

    def prepare(self, demo: Demo) -> None:
        """Create the pages others point to and record them in `demo.refs`."""

    def build(self, demo: Demo) -> None:
        """Write and publish the content and its translations."""


def demo_builders() -> list[DemoBuilder]:
    """The builders of settings.DEMO_BUILDERS, in that order."""
    return [import_string(path)() for path in settings.DEMO_BUILDERS]


# --- Accounts ---------------------------------------------------------------------------------------


def demo_password() -> str:
    """DEMO_ADMIN_PASSWORD, or a password generated once and kept in VAR_DIR."""
    if os.environ.get("DEMO_ADMIN_PASSWORD"):
        return os.environ["DEMO_ADMIN_PASSWORD"]
    path = settings.VAR_DIR / ACCOUNTS_FILE
    if path.exists():
        stored = path.read_text(encoding="utf-8").strip()
        if stored:
            return stored
    path.parent.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(12)
    path.write_text(password + "\n", encoding="utf-8")
    path.chmod(0o600)
    return password


def ensure_user(username, email, password, superuser=False, group=None, **names):
    """The account `username`, created or updated to have `password` and to be active."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": email, **names}
    )
    if created or not user.check_password(password):
        user.set_password(password)
    user.email = user.email or email
    user.is_active = True
    if superuser:
        user.is_superuser = user.is_staff = True
    user.save()
    if group is not None:
        user.groups.add(group)
    return user
