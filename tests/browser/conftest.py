"""Browser fixtures: the demo site built once per module, served by a live server thread, and the
distribution's Chromium driven by Playwright.

The demo site is loaded inside a transaction that is rolled back after the module, and the server
thread shares the test's in-memory SQLite connection (as Django's LiveServerTestCase does), so it sees
that uncommitted data: building the demo site once instead of once per test saves about 7 s a test.
Browser tests therefore run on the SQLite pass of scripts/test.sh."""

import os
from pathlib import Path
from types import SimpleNamespace

from django.db import connections

import pytest

from tests.conftest import demo_site_in_transaction, totp_code

CHROMIUM = "/usr/bin/chromium"
# Headless as root on a closed network: no sandbox, no GPU, and none of Chromium's own connections.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"
VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1366, "height": 900}}


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site of `load_demo_content`, French and English, rolled back after the module."""
    connection = connections["default"]
    if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
        pytest.fail(
            "The browser tests share the in-memory SQLite database with the live server: "
            "run them without DATABASE_URL (the SQLite pass of scripts/test.sh)."
        )
    with demo_site_in_transaction(django_db_blocker):
        yield


@pytest.fixture(scope="module")
def site_server(demo_site, django_db_blocker):
    """The site served on 127.0.0.1 by a thread that shares the test database connection."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread

    connection = connections["default"]
    connection.inc_thread_sharing()
    thread = LiveServerThread(
        "127.0.0.1", StaticFilesHandler, connections_override={"default": connection}, port=0
    )
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    try:
        yield SimpleNamespace(url=f"http://127.0.0.1:{thread.port}")
    finally:
        thread.terminate()
        connection.dec_thread_sharing()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make between
    # browser steps are still synchronous.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        yield chromium
    finally:
        chromium.close()
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def open_page(browser, site_server, db):
    """open_page(path, viewport="desktop") -> a Playwright page at that address of the live site."""
    contexts = []

    def open_(path, viewport="desktop"):
        context = browser.new_context(
            viewport=VIEWPORTS[viewport], locale="fr-FR", base_url=site_server.url
        )
        contexts.append(context)
        page = context.new_page()
        response = page.goto(path)
        assert response.status == 200, f"{path} answered {response.status}"
        return page

    yield open_
    for context in contexts:
        context.close()


def save_screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{page.viewport_size['width']}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_in_to_admin(page, username, password):
    """Sign in to the admin through its forms, as the person would: the password, then the code of
    `username`'s authenticator application (created confirmed for the test if missing), which
    moderators and superusers must give (core.twofactor). The code's replay guard is reset so that
    several sign-ins of one test, within one 30 s period, each get in."""
    from django.contrib.auth import get_user_model

    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.get(username=username)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Téléphone", confirmed=True)
    device.last_t = -1
    device.save(update_fields=["last_t"])
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/2fa/verifier/**")
    page.fill("#id_code", totp_code(device))
    page.get_by_role("button", name="Vérifier").click()
    page.wait_for_load_state()
