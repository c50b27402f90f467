"""Two-factor authentication in Chromium: the demo moderator, who must use it, is taken from the
password to the enrolment page, scans (here: reads) the key, confirms with a first code, sees the
recovery codes, and at the next sign-in gives a code on the verification page. Both pages have no
serious accessibility violation (axe), at 375 and 1366 px."""

import json
import time

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import save_screenshot
from tests.conftest import DEMO_PASSWORD, totp_code

pytestmark = pytest.mark.browser


def serious_violations(page):
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in Axe().run(page).response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def sign_in(page):
    page.goto("/admin/login/")
    page.fill("#id_username", "moderateur")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_a_moderator_enrols_then_verifies_at_the_next_sign_in(open_page, viewport):
    page = open_page("/admin/login/", viewport)
    sign_in(page)
    page.wait_for_url("**/admin/2fa/activer/**")
    assert page.locator("svg.twofactor-qr").is_visible()
    assert serious_violations(page) == [], json.dumps(serious_violations(page), indent=2)
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    save_screenshot(page, "two-factor-enrolment")

    secret = page.locator("[data-twofactor-secret]").inner_text()
    enrolment_step = int(time.time()) // 30
    page.get_by_label("Code affiché par l'application").fill(
        totp_code(secret, at_step=enrolment_step)
    )
    page.get_by_role("button", name="Activer").click()
    page.wait_for_load_state()
    assert page.locator("[data-recovery-codes] li").count() == 10
    assert serious_violations(page) == []
    save_screenshot(page, "two-factor-recovery-codes")
    page.get_by_role("link", name="J'ai noté mes codes, continuer").click()
    page.wait_for_url("**/admin/")

    page.context.clear_cookies()
    sign_in(page)
    page.wait_for_url("**/admin/2fa/verifier/**")
    assert serious_violations(page) == [], json.dumps(serious_violations(page), indent=2)
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    save_screenshot(page, "two-factor-verification")
    # The code of the enrolment has been used: the application shows the next one.
    page.get_by_label("Code de vérification").fill(totp_code(secret, at_step=enrolment_step + 1))
    page.get_by_role("button", name="Vérifier").click()
    page.wait_for_url("**/admin/")
    assert page.locator("h1").first.is_visible()
