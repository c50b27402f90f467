"""The demo site in Chromium: pages render at phone and desktop widths, have no serious accessibility
violation, the contact form works, and the language switcher reaches the English translation."""

import json

from wagtail.contrib.forms.models import FormSubmission

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import VIEWPORTS, save_screenshot

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/",
    "content": "/la-mission/",
    "contact": "/contact/",
    "content-en": "/en/the-mission/",
}


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_page_shows_its_heading(open_page, name, viewport):
    page = open_page(PAGES[name], viewport)
    heading = page.locator("h1").first
    assert heading.is_visible()
    assert heading.inner_text().strip()
    save_screenshot(page, name)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_page_fits_the_screen_width(open_page, name, viewport):
    page = open_page(PAGES[name], viewport)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{PAGES[name]} is {overflow}px wider than the {viewport} screen"


def serious_violations(page):
    violations = Axe().run(page).response["violations"]
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [node["target"] for node in v["nodes"]][:5],
        }
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_serious_accessibility_violation(open_page, name, viewport):
    page = open_page(PAGES[name], viewport)
    violations = serious_violations(page)
    assert violations == [], json.dumps(violations, indent=2, ensure_ascii=False)


def test_page_loads_without_console_errors(open_page, browser, site_server):
    context = browser.new_context(base_url=site_server.url)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        for path in PAGES.values():
            page.goto(path)
        assert errors == []
    finally:
        context.close()


def test_skip_link_moves_focus_to_the_main_content(open_page):
    page = open_page(PAGES["content"])
    page.keyboard.press("Tab")
    skip = page.locator(".skip-links a").first
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"


def test_menu_button_opens_the_menu_on_a_phone(open_page):
    page = open_page(PAGES["home"], "phone")
    toggle = page.locator("[data-menu-toggle]")
    menu = page.locator("#menu-principal")
    assert toggle.is_visible()
    assert not menu.locator("a").first.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert menu.locator("a").first.is_visible()


def test_menu_is_open_without_a_button_on_a_desktop(open_page):
    page = open_page(PAGES["home"], "desktop")
    assert not page.locator("[data-menu-toggle]").is_visible()
    assert page.locator("#menu-principal a").first.is_visible()


def fill_contact_form(page):
    page.get_by_role("textbox", name="Nom").fill("Camille Martin")
    page.get_by_label("Courriel").fill("camille@example.net")
    page.get_by_label("Message").fill("Bonjour, nous préparons un marché avec une clause sociale.")


def test_contact_form_submitted_in_the_browser_shows_the_thank_you_text(open_page, mailoutbox):
    page = open_page(PAGES["contact"])
    fill_contact_form(page)
    page.get_by_role("button", name="Envoyer le message").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Votre message a bien été envoyé"
    assert FormSubmission.objects.count() == 1
    assert len(mailoutbox) == 1
    save_screenshot(page, "contact-thanks")


def test_empty_contact_form_shows_french_errors(open_page):
    page = open_page(PAGES["contact"])
    page.get_by_role("button", name="Envoyer le message").click()
    page.wait_for_load_state()
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible()
    assert "Le formulaire contient" in summary.inner_text()
    assert "Champ requis." in page.locator("#id_nom-erreur").inner_text()
    assert summary.evaluate("element => element === document.activeElement")
    assert FormSubmission.objects.count() == 0
    save_screenshot(page, "contact-errors")


def test_contact_form_errors_have_no_serious_accessibility_violation(open_page):
    page = open_page(PAGES["contact"])
    page.get_by_role("button", name="Envoyer le message").click()
    page.wait_for_load_state()
    violations = serious_violations(page)
    assert violations == [], json.dumps(violations, indent=2, ensure_ascii=False)


def test_language_switcher_goes_to_the_english_translation(open_page):
    page = open_page(PAGES["content"])
    page.locator('.lang-switch a[hreflang="en"]').click()
    page.wait_for_load_state()
    assert page.url.endswith("/en/the-mission/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().strip() == "The mission"


def test_language_switcher_comes_back_to_french(open_page):
    page = open_page(PAGES["content-en"])
    page.locator('.lang-switch a[hreflang="fr"]').click()
    page.wait_for_load_state()
    assert page.url.endswith("/la-mission/")
    assert page.locator("html").get_attribute("lang") == "fr"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_home_page_shows_what_is_new_and_dated_key_figures(open_page, viewport):
    from newsletter.models import NewsletterPage
    from resources.models import ResourcePage

    page = open_page("/", viewport)
    # "Quoi de neuf ?" (the agenda's and the directory's sections share its look, not its title).
    news = page.locator('.home-news[aria-labelledby="home-news-title"]')
    newest = (
        ResourcePage.objects.live()
        .filter(locale__language_code="fr")
        .order_by("-first_published_at")
        .first()
    )
    items = news.locator(".home-news__item a")
    assert items.count() == 3
    assert items.first.inner_text() == newest.title
    issue = NewsletterPage.objects.live().order_by("-first_published_at").first()
    assert news.get_by_role("link", name=issue.title).is_visible()
    # Each key figure says when and where it comes from.
    sources = page.locator(".key-figure__source").all_inner_texts()
    assert "Conseil économique, social et environnemental (CESE), 2018" in sources
    assert "Code des marchés publics" not in page.inner_text("main")
    assert serious_violations(page) == []
    save_screenshot(page, "home")


def test_the_legal_pages_meet_french_law(open_page):
    notice = open_page("/mentions-legales/")
    footer = notice.locator("footer").inner_text()
    assert "Accessibilité\u00a0: non conforme" in footer
    assert "Directeur ou directrice de la publication\u00a0:" in footer
    assert "Hébergeur\u00a0:" in footer
    assert "indiqués au bas de chaque page" in notice.inner_text("main")
    statement = open_page("/declaration-d-accessibilite/").inner_text("main")
    assert "non conforme" in statement and "4.1.2" in statement
    assert "établie le 2 décembre 2026" in statement and "Défenseur des droits" in statement
    privacy = open_page("/politique-de-donnees-personnelles/")
    headings = privacy.locator("main h2").all_inner_texts()
    for processing in ("Le formulaire de contact", "La lettre d'information"):
        assert processing in headings
    assert "Les alertes du centre de ressources" in headings
    assert privacy.inner_text("main").count("Base légale") >= 3
    assert serious_violations(privacy) == []
