"""The resource hub of the demo site in Chromium, in French and in English: search, filters,
autocomplete, feed link, alert subscription; no serious accessibility violation, no console error."""

import json

from django.core import mail

import pytest

from resources.models import SearchAlert
from tests.browser.conftest import VIEWPORTS, save_screenshot
from tests.browser.test_pages import serious_violations

pytestmark = pytest.mark.browser

HUB = "/ressources/"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize(
    "path",
    [
        HUB,
        HUB + "?q=march%C3%A9+r%C3%A9serv%C3%A9+handicap",
        HUB + "?q=licorne",
        HUB + "?q=march%C3%A9+r%C3%A9serv%C3%A9",
        "/recherche/?q=march%C3%A9+r%C3%A9serv%C3%A9",
        HUB + "alerte/",
        "/en/resources/?q=reserved+contract&theme=handicap",
        "/en/resources/reservation-ea-esat/",
    ],
)
def test_hub_pages_have_no_serious_accessibility_violation(open_page, path, viewport):
    page = open_page(path, viewport)
    violations = serious_violations(page)
    assert violations == [], json.dumps(violations, indent=2, ensure_ascii=False)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_search_then_filter_shows_highlighted_results_and_the_feed_link(open_page):
    page = open_page(HUB)
    page.fill("#resource-q", "clause insertion bâtiment")
    page.click(".resource-search__combobox button[type=submit]")
    page.wait_for_url("**/ressources/?q=*")
    assert page.locator(".resource-item mark").count() > 0
    page.select_option("#filtre-nature", "guide")
    page.click(".resource-filters__actions button")
    page.wait_for_url("**nature=guide**")
    kinds = page.locator(".resource-item__kind").all_inner_texts()
    assert kinds and {kind.strip().lower() for kind in kinds} == {"guide"}
    feed = page.locator("[data-feed-link]").get_attribute("href")
    assert "nature=guide" in feed and "q=clause" in feed
    response = page.request.get(feed)
    assert response.status == 200
    assert "<rss" in response.text()
    save_screenshot(page, "resources-search")


def test_the_editors_pick_comes_above_the_results_and_opens(open_page):
    page = open_page(HUB + "?q=march%C3%A9+r%C3%A9serv%C3%A9")
    pick = page.locator(".search-promotions a").first
    assert pick.is_visible()
    top = page.locator(".search-promotions").bounding_box()["y"]
    assert top < page.locator("#resultats").bounding_box()["y"]
    save_screenshot(page, "resources-promoted")
    pick.click()
    page.wait_for_url("**/ressources/guide-marches-reserves/")
    page = open_page("/recherche/?q=march%C3%A9+r%C3%A9serv%C3%A9")
    assert page.locator(".search-promotions a").first.is_visible()
    save_screenshot(page, "search-promoted")


def test_autocomplete_offers_titles_and_opens_the_chosen_one(open_page):
    page = open_page(HUB)
    page.locator("#resource-q").press_sequentially("SPASE", delay=30)
    option = page.get_by_role("option").first
    option.wait_for()
    assert page.locator("#resource-q").get_attribute("aria-expanded") == "true"
    title = option.inner_text()
    assert "SPASER" in title
    page.locator("#resource-q").press("ArrowDown")
    page.locator("#resource-q").press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() == title.strip()


def test_visitor_subscribes_to_an_alert_on_the_current_search(open_page):
    mail.outbox.clear()
    page = open_page(HUB + "?q=insertion&theme=clause-insertion")
    page.click("[data-alert-link]")
    page.fill("#id_email", "acheteur@example.org")
    page.check("#id_frequency_0")
    page.click("button[type=submit].button--large")
    page.get_by_role("status").wait_for()
    alert = SearchAlert.objects.get(consent__subscriber__email="acheteur@example.org")
    assert alert.querystring == "q=insertion&theme=clause-insertion"
    assert alert.frequency == "daily"
    assert len(mail.outbox) == 1
    assert serious_violations(page) == []


def test_english_hub_searches_and_filters_in_english(open_page):
    page = open_page("/en/resources/")
    assert page.locator("h1").inner_text().strip() == "Resource centre"
    page.fill("#resource-q", "reserved contract disability")
    page.click(".resource-search__combobox button[type=submit]")
    page.wait_for_url("**/en/resources/?q=*")
    first = page.locator(".resource-item").first
    assert first.locator("mark").count() > 0
    assert "reserved" in first.inner_text().lower()
    themes = page.locator("#filtre-theme option").all_inner_texts()
    assert any(label.startswith("Reserved contracts") for label in themes)
    assert not any("Marchés" in label for label in themes)
    page.select_option("#filtre-public", "acheteurs")
    page.click(".resource-filters__actions button")
    page.wait_for_url("**public=acheteurs**")
    assert page.locator(".resource-item").count() > 0
    violations = serious_violations(page)
    assert violations == [], json.dumps(violations, indent=2, ensure_ascii=False)
    save_screenshot(page, "resources-search-en")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_on_a_phone_the_filters_fold_and_active_filters_show_as_removable_chips(
    open_page, viewport
):
    page = open_page(HUB + "?theme=marches-reserves&nature=guide", viewport)
    summary = page.locator(".resource-filters-disclosure__summary")
    nature = page.locator("#filtre-nature")
    if viewport == "phone":
        assert summary.inner_text() == "Filtrer (2)"
        assert not nature.is_visible()
        # The results start right under the search box and the chips (about 1,000 px down, the
        # site's header included), not below six full-width dropdowns (1,700 px).
        first = page.locator("#resultats").bounding_box()
        assert first["y"] < 1100, first
        summary.click()
        assert nature.is_visible()
    else:
        assert nature.is_visible()
    assert nature.locator("option").first.inner_text() == "Toutes"
    chips = page.locator(".filter-chip")
    assert chips.count() == 2
    heading = page.locator("#resultats").inner_text()
    assert "nature\u00a0: Guide" in heading
    assert serious_violations(page) == []
    save_screenshot(page, "hub-filters")
    chips.filter(has_text="Nature").click()
    page.wait_for_load_state()
    assert "nature=" not in page.url and "theme=marches-reserves" in page.url
