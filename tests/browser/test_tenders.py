"""The procurement watch of the demo site in Chromium: filter the list by two filters, open a notice
and read its analysis; axe finds no serious violation at 375 and 1366 px; screenshots of each."""

import json

import pytest

from tests.browser.conftest import save_screenshot
from tests.browser.test_pages import serious_violations

pytestmark = pytest.mark.browser

WATCH = "/veille-marches/"
WIDTHS = {"375": {"width": 375, "height": 812}, "1366": {"width": 1366, "height": 900}}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("tenders", WATCH),
        ("tenders-filtered", WATCH + "?social=manquante&type=TRAVAUX"),
        ("tenders-territory", WATCH + "?territoire=243400017&social=non"),
        ("tenders-notice", WATCH + "avis/EX-26-0001/"),
        ("tenders-missing", WATCH + "avis/EX-26-0004/"),
        ("tenders-en", "/en/procurement-watch/?social=oui"),
    ],
)
def test_watch_pages_have_no_serious_violation(open_page, site_server, name, path, width):
    page = open_page(path)
    page.set_viewport_size(WIDTHS[width])
    violations = serious_violations(page)
    assert violations == [], json.dumps(violations, indent=2, ensure_ascii=False)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    save_screenshot(page, name)


def test_two_filters_then_a_notice_and_its_reason(open_page):
    page = open_page(WATCH)
    page.select_option("#filtre-type", "TRAVAUX")
    page.select_option("#filtre-social", "manquante")
    page.click(".tenders-filters button[type=submit]")
    page.wait_for_url("**social=manquante**")
    assert "type=TRAVAUX" in page.url
    items = page.locator(".tenders-item")
    assert items.count() >= 1
    for text in items.all_inner_texts():
        assert "Travaux" in text and "Considération sociale manquante" in text
    items.first.locator("h3 a").click()
    page.wait_for_url("**/avis/EX-26-*/")
    analysis = page.locator(".tenders-analysis").inner_text()
    assert "loi Climat et résilience" in analysis


def test_the_territory_filter_with_another_then_a_notice_located_there(open_page):
    page = open_page(WATCH)
    options = page.locator("#filtre-territoire optgroup[label='Intercommunalités'] option")
    assert options.count() >= 1
    page.select_option("#filtre-territoire", "200066355")  # CA Sète Agglopôle Méditerranée
    page.select_option("#filtre-type", "SERVICES")
    page.click(".tenders-filters button[type=submit]")
    page.wait_for_url("**territoire=200066355**")
    assert "type=SERVICES" in page.url
    selected = page.locator("#filtre-territoire option:checked").inner_text()
    assert selected.startswith("CA Sète Agglopôle Méditerranée (")
    count = int(selected.rsplit("(", 1)[1].rstrip(")"))
    heading = page.locator("#resultats").inner_text()
    assert heading.startswith(f"{count} avis")
    page.locator(".tenders-item h3 a").first.click()
    page.wait_for_url("**/avis/EX-26-*/")
    where = page.locator(".tenders-meta").inner_text()
    assert "Sète" in where or "Tout l'Hérault" in where


def test_a_malformed_territory_in_the_url_is_explained_in_french(open_page):
    page = open_page(WATCH + "?territoire=%3Cb%3E99")
    message = page.locator(".notice--info").first.inner_text()
    assert "n'est ni une commune ni une intercommunalité de l'Hérault" in message
