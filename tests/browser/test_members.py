"""The network's space in Chromium, on the demo site: the coordination's demo member signs in with
the password, must set up two-factor authentication (enrolment, recovery codes), reaches the
members' home, invites a person by email; the invited person opens the link, chooses a password
and lands on the members' home; at the next sign-in the coordination gives a code. Each page has
no serious accessibility violation (axe) and no horizontal scroll, at 375 and 1366 px."""

import base64
import json
import re

from django.core import mail

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import TOTP

from tests.browser.conftest import save_screenshot
from tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def serious_violations(page):
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in Axe().run(page).response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def check_page(page, name):
    assert serious_violations(page) == [], json.dumps(serious_violations(page), indent=2)
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    save_screenshot(page, name)


def code_at_step(secret, step):
    raw = secret.replace(" ", "")
    totp = TOTP(base64.b32decode(raw + "=" * (-len(raw) % 8)))
    totp.time = step * 30 + 1
    return f"{totp.token():06d}"


def sign_in(page, username, password=DEMO_PASSWORD):
    page.goto("/espace-reseau/connexion/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_coordination_signs_in_with_two_factor_and_invites_a_member(
    open_page, browser, site_server, viewport
):
    page = open_page("/espace-reseau/connexion/", viewport)
    check_page(page, "members-login")
    sign_in(page, "coordination")
    page.wait_for_url("**/espace-reseau/compte/double-authentification/activer/**")
    assert page.locator(".members-qr svg").is_visible()
    check_page(page, "members-enrolment")

    secret = page.locator("[data-twofactor-secret]").inner_text()
    raw = secret.replace(" ", "")
    step = TOTP(base64.b32decode(raw + "=" * (-len(raw) % 8))).t()
    page.locator("#id_code").fill(code_at_step(secret, step))
    page.get_by_role("button", name="Activer").click()
    page.wait_for_load_state()
    assert page.locator("[data-recovery-codes] li").count() == 10
    check_page(page, "members-recovery-codes")
    page.get_by_role("link", name="J'ai noté mes codes, continuer").click()
    page.wait_for_url("**/espace-reseau/")
    assert page.get_by_role("heading", name="Espace réseau", exact=True).is_visible()
    assert page.get_by_role("link", name="Ressources du réseau").is_visible()
    assert page.get_by_text("Trame de suivi des heures d'insertion (réseau)").is_visible()
    check_page(page, "members-home")

    # The members' list and a member's page (role, territories, deactivation, log).
    page.get_by_role("link", name="Membres", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Membres du réseau").is_visible()
    check_page(page, "members-roster")
    page.locator(".members-table tbody a").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Rôle et territoires").is_visible()
    check_page(page, "members-member")

    # The invitation, by email.
    mail.outbox.clear()
    page.get_by_role("link", name="Inviter un membre").click()
    page.wait_for_load_state()
    check_page(page, "members-invite")
    email = f"nadia-{viewport}@example.org"
    page.locator("#id_email").fill(email)
    page.locator("#id_first_name").fill("Nadia")
    page.locator("#id_last_name").fill("Bensaïd")
    page.get_by_role("button", name="Envoyer l'invitation").click()
    page.wait_for_load_state()
    assert page.get_by_text(f"Invitation envoyée à {email}").is_visible()
    [message] = mail.outbox
    link = re.search(r"http://\S+", message.body).group(0)
    path = (
        link.split("testserver", 1)[-1]
        if "testserver" in link
        else re.sub(r"^http://[^/]+", "", link)
    )

    invited = browser.new_context(
        viewport=page.viewport_size, locale="fr-FR", base_url=site_server.url
    ).new_page()
    try:
        invited.goto(path)
        check_page(invited, "members-accept")
        invited.locator("#id_password1").fill("facilitation-heraut-2027")
        invited.locator("#id_password2").fill("facilitation-heraut-2027")
        invited.get_by_role("button", name="Créer mon compte").click()
        invited.wait_for_url("**/espace-reseau/")
        assert invited.get_by_text("votre compte est créé").is_visible()
    finally:
        invited.context.close()

    # Next sign-in: the code of the application.
    page.context.clear_cookies()
    sign_in(page, "coordination")
    page.wait_for_url("**/espace-reseau/compte/double-authentification/verifier/**")
    check_page(page, "members-verification")
    page.locator("#id_code").fill(code_at_step(secret, step + 1))
    page.get_by_role("button", name="Vérifier").click()
    page.wait_for_url("**/espace-reseau/")
    page.get_by_role("link", name="Mon compte").click()
    page.wait_for_load_state()
    assert page.get_by_text("La double authentification est active.").is_visible()
    check_page(page, "members-account")


def test_the_members_page_asks_visitors_to_sign_in(open_page):
    page = open_page("/")
    page.get_by_role("link", name="Espace réseau").click()
    page.wait_for_url("**/espace-reseau/connexion/**")
    sign_in(page, "membre-reseau")
    page.wait_for_url("**/espace-reseau/")
    page.get_by_role("link", name="Ressources du réseau").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Ressources du réseau").is_visible()
    check_page(page, "members-page")


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_a_facilitator_enters_hours_and_records_a_meeting(open_page, viewport):
    page = open_page("/espace-reseau/connexion/", viewport)
    sign_in(page, "facilitatrice")
    page.wait_for_url("**/espace-reseau/")
    page.get_by_role("link", name="Marchés multi-territoriaux", exact=True).click()
    page.wait_for_load_state()
    check_page(page, "members-contracts")
    page.get_by_role("link", name="Nettoyage des bâtiments de l'État dans l'Hérault").click()
    page.wait_for_load_state()
    check_page(page, "members-contract")
    page.get_by_text("Saisir les heures d'une année").first.click()
    form = page.locator("form[action*='/heures/']").first
    form.locator("input[name=year]").fill("2027")
    form.locator("input[name=targeted]").fill("900")
    form.locator("input[name=achieved]").fill("-3")
    form.get_by_role("button", name="Enregistrer les heures").click()
    page.wait_for_load_state()
    assert page.get_by_text("Les heures ne peuvent pas être négatives.").first.is_visible()
    check_page(page, "members-contract-error")
    form = page.locator("form[action*='/heures/']").first
    form.locator("input[name=achieved]").fill("120")
    form.get_by_role("button", name="Enregistrer les heures").click()
    page.wait_for_load_state()
    assert page.get_by_text("Les heures sont enregistrées.").is_visible()
    assert page.get_by_role("cell", name="2027").first.is_visible()

    page.get_by_role("link", name="Rencontres avec les acheteurs").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Noter une rencontre").click()
    page.wait_for_load_state()
    check_page(page, "members-meeting-form")
    page.locator("#id_buyer").fill(f"Ville de Lunel ({viewport})")
    page.locator("#id_date").fill("2026-11-20")
    page.locator("#id_topics").fill("Clauses des marchés de voirie.")
    page.locator("#id_follow_up_on").fill("2027-01-15")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_load_state()
    assert page.get_by_text("La rencontre est enregistrée.").is_visible()
    check_page(page, "members-meeting")
    page.get_by_role("link", name="Toutes les rencontres avec cet acheteur").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name=f"Ville de Lunel ({viewport})").is_visible()
    check_page(page, "members-buyer")
    page.go_back()
    page.get_by_role("link", name="Accueil du réseau").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Vos relances en cours").is_visible()
