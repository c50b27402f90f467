"""A resource's taxonomies in the admin: checkboxes, and only the items of the page's locale."""

import html
import re

from django.urls import reverse

from resources.factories import ThemeFactory


def test_resource_taxonomies_are_checkboxes_of_the_page_locale(admin_client, resources, locales):
    english = ThemeFactory(name="Reserved contracts", slug="reserved-contracts", locale=locales.en)
    page = resources.reserved_disability
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    text = html.unescape(response.content.decode())
    assert re.search(r'<input type="checkbox" name="themes" value="\d+"', text)
    assert re.search(r'<input type="checkbox" name="legal_references" value="\d+"', text)
    assert '<select name="themes"' not in text
    assert "Marchés réservés" in text
    assert english.name not in text


def test_a_new_resource_offers_the_taxonomies_of_its_parent_locale(
    admin_client, hub, resources, locales
):
    ThemeFactory(name="Reserved contracts", slug="reserved-contracts", locale=locales.en)
    url = reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", hub.pk])
    text = html.unescape(admin_client.get(url).content.decode())
    assert "Marchés réservés" in text
    assert "Reserved contracts" not in text


def test_the_taxonomy_listings_search_their_names(admin_client, resources):
    """The taxonomies are not in the search index: their listings' search filters the names in the
    database (it answered 500, "no such column: name", on SQLite)."""
    for model in ("theme", "audience", "legalreference"):
        url = f"/admin/snippets/resources/{model}/"
        everything = html.unescape(admin_client.get(url).content.decode())
        nothing = admin_client.get(url, {"q": "zzzqqq"})
        assert nothing.status_code == 200
        assert everything.count('<td class="title"') > 0
        assert html.unescape(nothing.content.decode()).count('<td class="title"') == 0
    themes = "/admin/snippets/resources/theme/"
    every_theme = html.unescape(admin_client.get(themes).content.decode())
    found = html.unescape(admin_client.get(themes, {"q": "réservés"}).content.decode())
    assert "Marchés réservés" in found
    assert 0 < found.count('<td class="title"') < every_theme.count('<td class="title"')
