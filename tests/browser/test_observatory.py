"""The observatory of the demo site in Chromium: key figures, charts as SVG with their tables, two
filters applied through the URL, the open-data download; axe finds no serious violation at 375 and
1366 px, charts included; screenshots of each."""

import json

import pytest

from tests.browser.conftest import save_screenshot
from tests.browser.test_pages import serious_violations

pytestmark = pytest.mark.browser

OBSERVATORY = "/observatoire/"
WIDTHS = {"375": {"width": 375, "height": 812}, "1366": {"width": 1366, "height": 900}}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("observatory", OBSERVATORY),
        ("observatory-filtered", OBSERVATORY + "?annee=2017&secteur=btp"),
        ("observatory-methodology", OBSERVATORY + "methodologie/"),
        ("observatory-en", "/en/observatory/"),
    ],
)
def test_observatory_pages_have_no_serious_violation(open_page, site_server, name, path, width):
    page = open_page(path)
    page.set_viewport_size(WIDTHS[width])
    violations = serious_violations(page)
    assert violations == [], json.dumps(violations, indent=2, ensure_ascii=False)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    save_screenshot(page, f"{name}-{width}")


def test_published_totals_filters_and_download(open_page, site_server):
    page = open_page(OBSERVATORY)
    assert page.locator(".obs-demo").is_visible()
    assert page.locator("canvas").count() == 0
    # Seven charts of the operations, three of the watch's DECP shares (its demo contracts), two of
    # the network's contracts' hours (the members' demo register).
    assert page.locator("svg[role=img]").count() == 12
    assert page.locator("#graphique-decp-annees-heading").is_visible()
    assert page.locator("#graphique-reseau-annees-heading").is_visible()
    assert page.get_by_role("link", name="Télécharger le rapport annuel (PDF) 2017").count() == 1
    table = page.locator("#graphique-heures-annees-heading ~ .obs-chart__body table")
    text = table.inner_text()
    assert "387\xa0000" in text and "370\xa0000" in text
    page.select_option("#obs-annee", "2017")
    page.select_option("#obs-secteur", "btp")
    page.click(".obs-filters button[type=submit]")
    page.wait_for_url("**annee=2017**")
    assert "secteur=btp" in page.url
    assert "Chiffres clés de 2017" in page.locator("#obs-key-title").inner_text()
    link = page.locator("a[href*='donnees/secteurs/json/']").first
    response = page.request.get(site_server.url + link.get_attribute("href"))
    document = response.json()
    assert document["filtres"] == {
        "annee": 2017,
        "territoire": None,
        "secteur": "btp",
        "clause": None,
    }
    assert [row["code"] for row in document["donnees"]] == ["btp"]
    assert document["donnees_de_demonstration"] is True
