"""The directory plugs itself in through core's registries: its digest source and its sitemap entries."""

from core.digest import digest_items, digest_source_choices
from core.sitemaps import sitemaps


def test_the_digest_offers_the_latest_verified_actors(actors, locales):
    assert "directory" in dict(digest_source_choices())
    items = digest_items("directory", locales.fr, 2)
    assert len(items) == 2
    assert items[0].full_url.startswith("http") and items[0].full_url.endswith("/")


def test_the_sitemap_lists_every_published_actor_page(client, actors):
    assert "directory-actors" in sitemaps()
    xml = client.get("/sitemap.xml").content.decode()
    assert "/annuaire/esat-des-jardins-de-lunel/</loc>" in xml
    assert "geiq-non-publie" not in xml


def test_the_digest_block_renders_the_directory_entries_on_the_web(actors, locales):
    from django.template.loader import render_to_string

    items = digest_items("directory", locales.fr, 3)
    html = render_to_string(
        "newsletter/blocks/digest.html", {"value": {"title": "Annuaire"}, "items": items}
    )
    assert f'href="{items[0].url}"' in html
