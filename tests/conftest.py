"""Fixtures shared by the whole suite: a site tree built with the factories (French home page as the
default site's root, English translations), a real SMTP server, and the database-vendor hook that keeps
PostgreSQL-only tests out of the SQLite pass."""

import email
import email.policy
import os
import socket
import threading
from contextlib import contextmanager
from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache

from wagtail.models import Locale, Page, Site

import pytest

DEMO_PASSWORD = "mot-de-passe-de-demonstration"


def totp_code(key, steps_ahead=0, *, at_step=None):
    """The code an authenticator application shows, for `key`: a TOTPDevice (its key, period,
    origin, digits and learnt drift) or the base32 secret the enrolment page shows. Now, or
    `steps_ahead` periods of 30 s later (a code already used is refused, so a second sign-in in
    the same period takes the next one), or during the absolute step `at_step` (a step relative to
    now fails when the server, crossing a step boundary during the enrolment, learnt a drift of -1
    and no longer accepts two steps ahead)."""
    import base64

    from django_otp.oath import TOTP

    if isinstance(key, str):
        secret = key.replace(" ", "")
        totp = TOTP(base64.b32decode(secret + "=" * (-len(secret) % 8)))
    else:
        totp = TOTP(key.bin_key, key.step, key.t0, key.digits, key.drift)
    if at_step is not None:
        totp.time = totp.t0 + at_step * totp.step + 1
    totp.time += steps_ahead * totp.step
    return f"{totp.token():0{totp.digits}d}"


@contextmanager
def demo_site_in_transaction(django_db_blocker):
    """The demo site of `load_demo_content`, French and English, inside a transaction rolled back on
    exit: for module-scoped fixtures that build it once for many tests."""
    from django.core.management import call_command
    from django.db import transaction
    from django.test import TestCase

    previous = os.environ.get("DEMO_ADMIN_PASSWORD")
    os.environ["DEMO_ADMIN_PASSWORD"] = DEMO_PASSWORD
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            # wagtail-localize publishes translations on commit; inside this transaction, run those
            # callbacks as the command returns.
            with TestCase.captureOnCommitCallbacks(execute=True):
                call_command("load_demo_content", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            if previous is None:
                os.environ.pop("DEMO_ADMIN_PASSWORD", None)
            else:
                os.environ["DEMO_ADMIN_PASSWORD"] = previous


CONTENT_BODY = (
    "Les marchés réservés aux structures d'insertion favorisent le retour à l'emploi des personnes "
    "éloignées du marché du travail."
)


def pytest_collection_modifyitems(config, items):
    """Deselect (not skip) the tests marked `postgres` or `sqlite` when the suite runs on another
    database, and the tests marked `elasticsearch` when no ELASTICSEARCH_URL is set."""
    import os

    on_postgres = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

    def needs_missing_service(item):
        if item.get_closest_marker("postgres"):
            return not on_postgres
        if item.get_closest_marker("sqlite"):
            return on_postgres
        if item.get_closest_marker("elasticsearch"):
            return not os.environ.get("ELASTICSEARCH_URL")
        return False

    deselected = [item for item in items if needs_missing_service(item)]
    kept = [item for item in items if not needs_missing_service(item)]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


def free_port():
    """A TCP port of 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def _clear_cache():
    # The rate limit counts posts in the cache: each test starts with a clean count.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def verified_login(db):
    """verified_login(client, user) -> the user's TOTP device: `client` signed in as `user` with
    two-factor authentication done, as after the verification page (core.twofactor). For the
    moderators and superusers, who must use it: the admins refuse their unverified sessions."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def log_in(client, user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Téléphone", confirmed=True)
        client.force_login(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return device

    return log_in


@pytest.fixture
def admin_client(client, admin_user, verified_login):
    """pytest-django's superuser client, with two-factor authentication done (see verified_login)."""
    verified_login(client, admin_user)
    return client


@pytest.fixture
def locales(db):
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return SimpleNamespace(fr=fr, en=en)


def publish_translation(page, locale):
    """The page's copy in `locale`, published (its parent must already be translated)."""
    translated = page.copy_for_translation(locale)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated.specific


@pytest.fixture
def home_page(locales):
    """The French home page, root of the default site in place of Wagtail's welcome page."""
    from home.factories import HomePageFactory

    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    home = HomePageFactory(
        parent=Page.get_first_root_node(),
        title="Accueil",
        slug="accueil",
        locale=locales.fr,
        hero_title="La clause sociale dans l'Hérault",
    )
    site.root_page = home
    site.save()
    if welcome.pk != home.pk:
        welcome.delete()
    return Page.objects.get(pk=home.pk).specific


@pytest.fixture
def english_home(home_page, locales):
    return publish_translation(home_page, locales.en)


@pytest.fixture
def content_page(home_page):
    """A published French content page about reserved contracts."""
    from core.factories import paragraph
    from home.factories import ContentPageFactory

    page = ContentPageFactory(
        parent=home_page,
        title="Les marchés réservés",
        slug="marches-reserves",
        intro="Ce que permet la réservation d'un marché public.",
        body=[paragraph(f"<p>{CONTENT_BODY}</p>")],
    )
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def english_content_page(content_page, english_home, locales):
    from core.factories import paragraph

    page = content_page.copy_for_translation(locales.en)
    page.title = "Reserved contracts"
    page.slug = "reserved-contracts"
    page.body = [paragraph("<p>Contracts reserved for work integration.</p>")]
    page.save()
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


CONTACT_FIELDS = [
    ("Nom", "singleline"),
    ("Courriel", "email"),
    ("Message", "multiline"),
]


@pytest.fixture
def contact_page(home_page):
    """The French contact page with three required fields: nom, courriel, message."""
    from home.factories import ContactPageFactory

    page = ContactPageFactory(
        parent=home_page,
        title="Contact",
        slug="contact",
        to_address="equipe@example.org",
        from_address="site@example.org",
        subject="Nouveau message depuis le site",
        thank_you_text="<p>Merci, votre message est bien arrivé.</p>",
        form_fields=[
            {"label": label, "field_type": field_type, "required": True}
            for label, field_type in CONTACT_FIELDS
        ],
    )
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def contact_data():
    return {
        "nom": "Camille Martin",
        "courriel": "camille@example.net",
        "message": "Bonjour, nous souhaitons inclure une clause sociale dans un marché.",
    }


class RecordingHandler:
    """An aiosmtpd handler that keeps every message it receives, parsed."""

    def __init__(self):
        self.envelopes = []
        self.received = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        self.received.set()
        return "250 Message accepted for delivery"

    @property
    def messages(self):
        return [
            email.message_from_bytes(
                envelope.original_content or envelope.content, policy=email.policy.default
            )
            for envelope in self.envelopes
        ]


@pytest.fixture
def smtp_server():
    """A real SMTP server on 127.0.0.1 that records what it receives (see `smtp_settings`)."""
    from aiosmtpd.controller import Controller

    handler = RecordingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), ready_timeout=10)
    controller.start()
    handler.host, handler.port = controller.hostname, controller.port
    try:
        yield handler
    finally:
        controller.stop()


@pytest.fixture
def smtp_settings(settings, smtp_server):
    """Point Django's email at the `smtp_server` fixture through the real SMTP backend."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = smtp_server.host
    settings.EMAIL_PORT = smtp_server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    return smtp_server
