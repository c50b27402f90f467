"""Site-wide answers: the designed 404, robots.txt, the sitemap, the health check, and the head of a
content page (canonical address, Open Graph, hreflang alternates)."""

import html
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlparse

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def page_text(response):
    return html.unescape(response.content.decode())


def head_links(response, rel):
    """{hreflang or None: href} of the <link rel=...> tags of a page."""
    found = {}
    for tag in re.findall(r"<link\b[^>]*>", response.content.decode()):
        if re.search(rf'rel="{rel}"', tag):
            lang = re.search(r'hreflang="([^"]+)"', tag)
            found[lang.group(1) if lang else None] = html.unescape(
                re.search(r'href="([^"]*)"', tag).group(1)
            )
    return found


def meta_property(response, name):
    match = re.search(
        rf'<meta property="{re.escape(name)}" content="([^"]*)"', response.content.decode()
    )
    return html.unescape(match.group(1)) if match else None


def test_unknown_address_answers_404(client, home_page):
    assert client.get("/cette-page-n-existe-pas/").status_code == 404


def test_404_page_uses_the_site_layout(client, home_page):
    text = page_text(client.get("/cette-page-n-existe-pas/"))
    assert "Aller au contenu" in text
    assert 'class="site-footer"' in text


def test_404_page_explains_in_french(client, home_page):
    text = page_text(client.get("/cette-page-n-existe-pas/"))
    assert "<h1>Page introuvable</h1>" in text


def test_404_page_is_not_indexed(client, home_page):
    assert '<meta name="robots" content="noindex">' in page_text(client.get("/inconnue/"))


def test_404_under_english_prefix_answers_in_english(client, english_home):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert '<html lang="en"' in response.content.decode()


def test_robots_txt_is_plain_text(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_robots_txt_points_to_the_sitemap(client, home_page):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_keeps_crawlers_out_of_the_admin(client, home_page):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /" not in lines


def test_robots_txt_disallows_everything_when_indexing_is_off(client, home_page, settings):
    settings.ALLOW_INDEXING = False
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "Disallow: /" in lines
    assert not any(line.startswith("Sitemap:") for line in lines)


def sitemap_paths(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)  # noqa: S314 (the site's own sitemap)
    return [urlparse(loc.text).path for loc in tree.findall("sm:url/sm:loc", SITEMAP_NS)]


def test_sitemap_lists_french_pages(client, content_page, contact_page):
    paths = sitemap_paths(client)
    assert {"/", "/marches-reserves/", "/contact/"} <= set(paths)


def test_sitemap_lists_english_pages(client, english_content_page):
    paths = sitemap_paths(client)
    assert {"/en/", "/en/reserved-contracts/"} <= set(paths)


def test_sitemap_leaves_out_unpublished_pages(client, content_page):
    content_page.unpublish()
    assert "/marches-reserves/" not in sitemap_paths(client)


def test_health_check_answers_ok(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_content_page_renders_its_title_and_body(client, content_page):
    response = client.get(content_page.url)
    assert response.status_code == 200
    text = page_text(response)
    assert "<h1" in text and "Les marchés réservés" in text
    assert "favorisent le retour à l'emploi" in text


def test_content_page_has_a_canonical_address(client, content_page):
    canonical = head_links(client.get("/marches-reserves/"), "canonical")
    assert urlparse(canonical[None]).path == "/marches-reserves/"


def test_content_page_has_open_graph_tags(client, content_page):
    response = client.get("/marches-reserves/")
    assert meta_property(response, "og:title") == "Les marchés réservés"
    assert urlparse(meta_property(response, "og:url")).path == "/marches-reserves/"
    assert meta_property(response, "og:locale") == "fr_FR"
    assert meta_property(response, "og:type") == "website"
    assert meta_property(response, "og:image")


def test_content_page_description_is_its_intro(client, content_page):
    response = client.get("/marches-reserves/")
    assert meta_property(response, "og:description") == (
        "Ce que permet la réservation d'un marché public."
    )


def test_content_page_lists_its_translations_as_hreflang_alternates(client, english_content_page):
    alternates = head_links(client.get("/marches-reserves/"), "alternate")
    assert urlparse(alternates["fr"]).path == "/marches-reserves/"
    assert urlparse(alternates["en"]).path == "/en/reserved-contracts/"
    assert alternates["x-default"] == alternates["fr"]


def test_untranslated_page_has_no_english_alternate(client, content_page):
    alternates = head_links(client.get("/marches-reserves/"), "alternate")
    assert "en" not in alternates


def test_home_page_renders_its_hero_title(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    assert "La clause sociale dans l'Hérault" in page_text(response)


def test_pages_carry_a_content_security_policy(client, home_page):
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy


def test_every_page_foot_names_the_publication_director_host_and_accessibility_state(
    client, home_page, settings
):
    settings.PUBLICATION_DIRECTOR = "Camille Directrice"
    settings.SITE_HOST = "Hébergeur Exemple SAS, 1 rue de l'Exemple, 34000 Montpellier"
    settings.ACCESSIBILITY_STATUS = "non"
    footer = client.get(home_page.url).content.decode().split('class="site-footer"')[1]
    assert "Accessibilité\u00a0: non conforme" in footer
    assert "Directeur ou directrice de la publication\u00a0: Camille Directrice" in footer
    assert "Hébergeur\u00a0: Hébergeur Exemple SAS, 1 rue de l&#x27;Exemple" in footer
    settings.ACCESSIBILITY_STATUS = "partiel"
    footer = client.get(home_page.url).content.decode().split('class="site-footer"')[1]
    assert "Accessibilité\u00a0: partiellement conforme" in footer
