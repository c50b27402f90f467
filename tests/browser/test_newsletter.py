"""The newsletter in Chromium: subscribe, confirm from the email's link, change preferences,
unsubscribe in one click; the archive of issues; no serious accessibility violation on the way."""

import json
import re
from urllib.parse import urlparse

import pytest

from newsletter.models import Purpose, Subscriber
from tests.browser.conftest import save_screenshot
from tests.browser.test_pages import serious_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def live_links(settings, site_server):
    """Links in emails point at the live server."""
    settings.WAGTAILADMIN_BASE_URL = site_server.url


def assert_accessible(page):
    violations = serious_violations(page)
    assert violations == [], json.dumps(violations, indent=2, ensure_ascii=False)


def path_of(url):
    parsed = urlparse(url)
    return parsed.path + (f"?{parsed.query}" if parsed.query else "")


def test_subscribe_confirm_change_preferences_and_unsubscribe(open_page, mailoutbox, live_links):
    page = open_page("/lettre/inscription/")
    assert_accessible(page)
    page.get_by_label("Adresse électronique").fill("navigateur@example.org")
    page.get_by_label("Acheteur public", exact=True).check()
    page.get_by_label("Structure (facultatif)").fill("Commune de Pézenas")
    page.get_by_role("button", name="S'inscrire").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() == "Vérifiez votre messagerie"
    assert not Subscriber.objects.get(email="navigateur@example.org").is_subscribed()

    # The confirmation email's link, then the button on its page.
    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+/confirmation/\S+/", mailoutbox[0].body).group(0)
    page.goto(path_of(link))
    assert_accessible(page)
    page.get_by_role("button", name="Je confirme mon inscription").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() == "Inscription confirmée"
    subscriber = Subscriber.objects.get(email="navigateur@example.org")
    assert subscriber.is_subscribed(Purpose.NEWSLETTER)
    assert subscriber.organisation == "Commune de Pézenas"
    assert (
        page.locator("main").get_by_role("link", name="Lire les lettres déjà parues").is_visible()
    )
    save_screenshot(page, "newsletter-confirmed")

    # Preferences: add an audience.
    page.get_by_role("link", name="Gérer mes préférences").click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_label("Facilitateur de clauses sociales").check()
    page.get_by_role("button", name="Enregistrer mes préférences").click()
    page.wait_for_load_state()
    assert "Vos préférences sont enregistrées." in page.inner_text("main")
    assert {a.key for a in subscriber.audiences.all()} == {"public_buyer", "facilitator"}

    # One click: what a mailbox provider does with the List-Unsubscribe header.
    from newsletter.subscriptions import one_click_unsubscribe_url

    response = page.request.post(
        path_of(one_click_unsubscribe_url(subscriber)),
        form={"List-Unsubscribe": "One-Click"},
    )
    assert response.status == 200
    assert not subscriber.is_subscribed(Purpose.NEWSLETTER)


def test_the_unsubscribe_link_of_an_email_asks_for_one_click(open_page, live_links, db):
    from newsletter.factories import SubscriberFactory
    from newsletter.subscriptions import unsubscribe_url

    subscriber = SubscriberFactory(email="quitter@example.org")
    page = open_page(path_of(unsubscribe_url(subscriber)))
    assert subscriber.is_subscribed()
    assert_accessible(page)
    page.get_by_role("button", name="Me désinscrire").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() == "Désinscription enregistrée"
    assert not subscriber.is_subscribed()


def test_subscribe_errors_are_in_french_and_accessible(open_page):
    page = open_page("/lettre/inscription/")
    page.get_by_label("Adresse électronique").fill("pas-une-adresse")
    page.get_by_role("button", name="S'inscrire").click()
    page.wait_for_load_state()
    text = page.inner_text("main")
    assert "Cette adresse électronique n'est pas valide" in text
    assert "Choisissez au moins un public." in text
    assert_accessible(page)


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_archive_lists_the_issues_and_an_issue_reads_well(open_page, viewport):
    page = open_page("/lettre-information/", viewport)
    assert_accessible(page)
    issues = page.locator(".newsletter-issues h2 a")
    assert issues.count() == 3
    assert "mai 2026" in issues.first.inner_text()
    issues.first.click()
    page.wait_for_load_state()
    assert_accessible(page)
    assert "Repères" in page.inner_text("main")
    save_screenshot(page, "newsletter-issue")


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_archive_is_linked_from_the_home_page_the_footer_and_each_issue(open_page, viewport):
    page = open_page("/", viewport)
    page.locator(".home-newsletter").get_by_role(
        "link", name="Lire les lettres déjà parues"
    ).click()
    page.wait_for_load_state()
    assert page.url.endswith("/lettre-information/")
    page.locator(".newsletter-issues h2 a").first.click()
    page.wait_for_load_state()
    footer = page.locator("footer").get_by_role("link", name="Lire les lettres déjà parues")
    assert footer.is_visible()
    page.locator("main").get_by_role("link", name="Toutes les lettres d'information").click()
    page.wait_for_load_state()
    assert page.url.endswith("/lettre-information/")
    # No link to the page itself on the archive.
    assert page.get_by_role("link", name="Lire les lettres déjà parues").count() == 0


def test_the_english_archive_lists_the_french_issues(open_page):
    page = open_page("/en/newsletter/")
    assert page.locator("h1").inner_text().strip() == "The newsletter"
    issues = page.locator(".newsletter-issues > li")
    assert issues.count() == 3
    assert issues.first.get_attribute("lang") == "fr"
    assert_accessible(page)
    english_home = open_page("/en/")
    link = english_home.get_by_role("link", name="Read past newsletters").first
    assert link.get_attribute("href") == "/en/newsletter/"


def test_the_home_page_form_is_accessible(open_page):
    page = open_page("/")
    assert page.locator("#accueil-email").is_visible()
    assert_accessible(page)
