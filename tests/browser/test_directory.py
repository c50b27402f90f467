"""The actors' directory of the demo site in Chromium: find the facilitator by typing a commune and by
clicking it on the map, filter the list, switch to the map (drawn by the site's own Leaflet, no tile
server), open an actor; axe finds no serious violation at 375 and 1366 px; screenshots of each."""

import json

import pytest

from tests.browser.conftest import save_screenshot
from tests.browser.test_pages import serious_violations

pytestmark = pytest.mark.browser

DIRECTORY = "/annuaire/"
LUNEL_INDEX = 143
WIDTHS = {"375": {"width": 375, "height": 812}, "1366": {"width": 1366, "height": 900}}


def outside_requests(page, site_url):
    requests = []
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith(site_url) else None)
    return requests


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("directory", DIRECTORY),
        ("directory-map", DIRECTORY + "?vue=carte&type=esat"),
        ("directory-facilitator", DIRECTORY + "facilitateur/?commune=34145"),
        ("directory-actor", DIRECTORY + "facilitateur-lunel-agglo/"),
        ("directory-correction", DIRECTORY + "facilitateur-lunel-agglo/corriger/"),
        ("directory-en", "/en/directory/?type=facilitateur"),
    ],
)
def test_directory_pages_have_no_serious_violation(open_page, site_server, name, path, width):
    page = open_page(path)
    page.set_viewport_size(WIDTHS[width])
    if name in ("directory-map", "directory-actor"):
        page.wait_for_selector("[data-outlines-ready]")
    violations = serious_violations(page)
    assert violations == [], json.dumps(violations, indent=2, ensure_ascii=False)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    save_screenshot(page, name)


def test_typing_a_commune_offers_it_and_opens_its_facilitator(open_page):
    page = open_page(DIRECTORY)
    field = page.locator("#directory-commune")
    field.press_sequentially("st jean de v", delay=30)
    option = page.get_by_role("option").first
    option.wait_for()
    assert field.get_attribute("aria-expanded") == "true"
    assert option.inner_text().startswith("Saint-Jean-de-Védas (34430)")
    field.press("ArrowDown")
    field.press("Enter")
    page.wait_for_url("**/facilitateur/?commune=34270")
    assert "Saint-Jean-de-Védas" in page.locator("h1").inner_text()
    facilitators = page.locator(".directory-facilitator h3").all_inner_texts()
    assert "Facilitateur clauses sociales de Montpellier Méditerranée Métropole" in facilitators


def test_without_javascript_the_form_still_finds_the_facilitator(browser, site_server):
    context = browser.new_context(java_script_enabled=False, base_url=site_server.url)
    try:
        page = context.new_page()
        page.goto(DIRECTORY)
        page.fill("#directory-commune", "Verargues")
        page.click(".directory-lookup button[type=submit]")
        page.wait_for_url("**/facilitateur/?commune=Verargues")
        assert "Entre-Vignes" in page.locator("h1").inner_text()
        assert "Pays de Lunel" in page.locator(".directory-facilitators").inner_text()
    finally:
        context.close()


def test_filter_then_map_then_click_a_commune(open_page, site_server):
    page = open_page(DIRECTORY)
    outside = outside_requests(page, site_server.url)
    page.select_option("#filtre-type", "esat")
    page.click(".directory-filters__actions button")
    page.wait_for_url("**type=esat**")
    kinds = {k.strip() for k in page.locator(".directory-item__kind").all_inner_texts()}
    assert kinds and all(k.startswith("Établissement et service") for k in kinds)
    page.click("[data-view-link=carte]")
    page.wait_for_url("**vue=carte**")
    canvas = page.locator("[data-directory-map]")
    page.wait_for_selector("[data-points-ready]")
    assert int(canvas.get_attribute("data-points-ready")) == page.locator(".directory-item").count()
    assert page.locator(".leaflet-overlay-pane path").count() == 341
    assert page.locator(".leaflet-tile-pane img").count() == 0
    save_screenshot(page, "directory-map-clusters")
    assert outside == []


def test_a_tile_server_set_in_the_settings_lies_under_the_outlines(
    open_page, site_server, settings
):
    # A "tile server" on the site itself: the same picture for every tile.
    tiles = site_server.url + "/static/directory/vendor/leaflet/images/layers.png?tuile={z}-{x}-{y}"
    settings.MAP_TILES_URL = tiles
    settings.MAP_TILES_ATTRIBUTION = "Tuiles d'essai"
    page = open_page(DIRECTORY + "?vue=carte&type=esat")
    page.wait_for_selector("[data-points-ready]")
    page.wait_for_selector(".leaflet-tile-pane img.leaflet-tile-loaded")
    sources = page.locator(".leaflet-tile-pane img").evaluate_all("els => els.map(e => e.src)")
    assert sources and all("layers.png?tuile=" in src for src in sources)
    assert page.locator(".leaflet-overlay-pane path").count() == 341
    assert "Tuiles d'essai" in page.locator(".directory-map figcaption").inner_text()


def test_clicking_a_commune_on_the_map_opens_its_facilitator(open_page):
    # No GEIQ stands in Lunel: no marker covers the middle of its outline.
    page = open_page(DIRECTORY + "?vue=carte&type=geiq")
    page.wait_for_selector("[data-points-ready]")
    page.locator("[data-directory-map]").scroll_into_view_if_needed()
    # The outlines come in the order of their codes: Lunel (34145) is the 144th.
    box = (
        page.locator(".leaflet-overlay-pane path.leaflet-interactive")
        .nth(LUNEL_INDEX)
        .bounding_box()
    )
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/facilitateur/?commune=34145")
    assert "Lunel" in page.locator("h1").inner_text()
    assert "Pays de Lunel" in page.locator(".directory-facilitators").inner_text()


def test_proposing_a_correction_from_an_actor_page(open_page):
    from directory.models import CorrectionProposal

    page = open_page(DIRECTORY + "facilitateur-lunel-agglo/", viewport="phone")
    page.get_by_role("link", name="Proposer une correction de cette fiche").click()
    page.wait_for_url("**/facilitateur-lunel-agglo/corriger/")
    page.get_by_label("Téléphone").fill("04 67 00 11 22")
    page.get_by_label("Je fais partie de cette structure").check()
    page.get_by_label("Votre adresse électronique").fill("pas-une-adresse")
    page.get_by_role("button", name="Envoyer la proposition").click()
    assert "Cette adresse électronique n'est pas valide" in page.inner_text("body")
    page.get_by_label("Votre adresse électronique").fill("camille@example.org")
    page.get_by_role("button", name="Envoyer la proposition").click()
    page.get_by_role("status").wait_for()
    assert "votre proposition est envoyée" in page.get_by_role("status").inner_text()
    proposal = CorrectionProposal.objects.get(actor__slug="facilitateur-lunel-agglo")
    assert proposal.changes == {"phone": "04 67 00 11 22"} and proposal.from_actor
    save_screenshot(page, "directory-correction-sent")
