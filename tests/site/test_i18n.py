"""The English version of the site: language prefix, html lang and the language switcher."""

import re


def switcher_links(response):
    """{language code: href} of the language switcher's links."""
    nav = re.search(r'<nav class="lang-switch".*?</nav>', response.content.decode(), re.S).group(0)
    return {code: href for href, code in re.findall(r'<a href="([^"]*)" lang="([^"]+)"', nav)}


def test_french_home_is_served_at_the_root_in_french(client, english_home):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="fr"' in response.content.decode()


def test_english_home_is_served_under_en_in_english(client, english_home):
    response = client.get("/en/")
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()


def test_english_pages_use_the_english_interface(client, english_home):
    text = client.get("/en/").content.decode()
    assert "Skip to content" in text
    assert "Aller au contenu" not in text


def test_french_prefix_redirects_to_the_prefix_less_address(client, english_content_page):
    response = client.get("/fr/marches-reserves/?page=2")
    assert response.status_code == 301
    assert response["Location"] == "/marches-reserves/?page=2"
    assert client.get("/fr/").headers["Location"] == "/"
    assert client.get(response["Location"]).status_code == 200


def test_french_prefix_redirect_stays_on_the_site(client, english_home):
    for path in ("/fr//example.org/", "/fr/%5C%5Cexample.org/", "/fr/%2F%2Fexample.org"):
        location = client.get(path).headers["Location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\")), location


def test_english_search_and_newsletter_have_english_paths(client, english_home):
    from django.urls import reverse
    from django.utils import translation

    with translation.override("en"):
        assert reverse("search") == "/en/search/"
        assert reverse("newsletter:subscribe") == "/en/newsletter/subscribe/"
    with translation.override("fr"):
        assert reverse("search") == "/recherche/"
        assert reverse("newsletter:subscribe") == "/lettre/inscription/"
    assert client.get("/en/search/?q=clause").status_code == 200
    assert client.get("/en/newsletter/subscribe/").status_code == 200


def test_english_links_sent_before_the_english_paths_still_lead_to_their_page(client, english_home):
    """Emails already sent to English subscribers carry /en/lettre/<French path>: each goes on to
    the same page at its English address, with its token and query; nothing else is redirected."""
    response = client.get("/en/lettre/confirmation/abc:def/", {"utm": "x"})
    assert response.status_code == 301
    assert response.headers["Location"] == "/en/newsletter/confirm/abc:def/?utm=x"
    response = client.get("/en/lettre/desinscription/abc:def/")
    assert response.headers["Location"] == "/en/newsletter/unsubscribe/abc:def/"
    assert client.get("/en/lettre/inscription/").headers["Location"] == "/en/newsletter/subscribe/"
    assert client.get("/en/lettre/mentions-legales/").status_code == 404
    assert client.get("/en/lettre/").status_code == 404


def test_language_switcher_links_to_the_translated_page(client, english_content_page):
    links = switcher_links(client.get("/marches-reserves/"))
    assert links == {"fr": "/marches-reserves/", "en": "/en/reserved-contracts/"}


def test_language_switcher_links_back_from_english(client, english_content_page):
    links = switcher_links(client.get("/en/reserved-contracts/"))
    assert links["fr"] == "/marches-reserves/"


def test_language_switcher_falls_back_to_the_english_home(client, content_page, english_home):
    links = switcher_links(client.get("/marches-reserves/"))
    assert links["en"] == "/en/"


def test_language_switcher_on_search_keeps_the_query(client, english_home):
    links = switcher_links(client.get("/recherche/?q=clause"))
    assert links["en"] == "/en/search/?q=clause"


def test_language_switcher_marks_the_current_language(client, english_home):
    nav = re.search(
        r'<nav class="lang-switch".*?</nav>', client.get("/en/").content.decode(), re.S
    ).group(0)
    assert re.search(r'lang="en" hreflang="en" aria-current="true"', nav)
