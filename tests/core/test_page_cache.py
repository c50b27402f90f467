"""The full-page cache (core.cache): anonymous visitors get a stored copy, a publish or a change to a
snippet or setting purges it, and nothing personal is ever stored or replayed."""

import re

from django.test import Client

import pytest

from core.cache import current_generation

pytestmark = pytest.mark.django_db

TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def state(response):
    return response.get("X-Page-Cache")


def test_a_second_anonymous_visit_is_served_from_the_cache(client, page_cache, content_page):
    first = client.get(content_page.url)
    second = client.get(content_page.url)
    assert (state(first), state(second)) == ("miss", "hit")
    assert second.status_code == 200
    assert "Les marchés réservés" in second.content.decode()
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["Permissions-Policy"] == first["Permissions-Policy"]


def test_a_cached_page_costs_no_sql_query(
    client, page_cache, content_page, django_assert_num_queries
):
    client.get(content_page.url)
    with django_assert_num_queries(0):
        assert state(client.get(content_page.url)) == "hit"


def test_a_publish_shows_the_new_content_on_the_next_anonymous_request(
    client, page_cache, content_page
):
    client.get(content_page.url)
    assert state(client.get(content_page.url)) == "hit"
    content_page.title = "Les marchés réservés, nouvelle version"
    content_page.save_revision().publish()
    response = Client().get(content_page.url)
    assert state(response) == "miss"
    assert "Les marchés réservés, nouvelle version" in response.content.decode()


def test_the_home_page_lists_are_purged_with_the_page_they_show(client, page_cache, home_page):
    from home.factories import ContentPageFactory

    client.get(home_page.url)
    assert state(client.get(home_page.url)) == "hit"
    page = ContentPageFactory(parent=home_page, title="Un guide tout neuf", slug="guide-neuf")
    page.save_revision().publish()
    assert state(client.get(home_page.url)) == "miss"


def test_an_unpublished_page_is_gone_at_the_next_request(client, page_cache, content_page):
    client.get(content_page.url)
    content_page.unpublish()
    assert client.get(content_page.url).status_code == 404


def test_a_moved_or_deleted_page_purges(client, page_cache, content_page):
    before = current_generation()
    content_page.delete()
    assert current_generation() != before


def test_a_site_setting_change_purges_every_page(client, page_cache, content_page):
    from wagtail.models import Site

    from home.models import ContactSettings

    client.get(content_page.url)
    settings_row = ContactSettings.load(request_or_site=Site.objects.get(is_default_site=True))
    settings_row.save()
    assert state(client.get(content_page.url)) == "miss"


def test_a_snippet_change_purges_every_page(client, page_cache, content_page):
    from resources.factories import ThemeFactory

    client.get(content_page.url)
    ThemeFactory(name="Insertion")
    assert state(client.get(content_page.url)) == "miss"


def test_a_draft_of_a_page_not_live_does_not_purge(page_cache, home_page):
    from home.factories import ContentPageFactory

    page = ContentPageFactory(parent=home_page, live=False, slug="brouillon")
    before = current_generation()
    page.save_revision()
    assert current_generation() == before


def test_logged_in_people_never_get_nor_fill_the_cache(admin_client, page_cache, content_page):
    response = admin_client.get(content_page.url)
    assert state(response) is None
    assert "private" in response["Cache-Control"]
    assert state(Client().get(content_page.url)) == "miss"
    assert state(admin_client.get(content_page.url)) is None


def test_a_post_and_a_query_string_bypass_the_cache(client, page_cache, home_page):
    client.get("/")
    assert state(client.get("/?q=clause")) is None
    assert state(client.post("/")) is None


def test_query_strings_do_not_fill_the_cache(client, embedded_page_cache, home_page):
    client.get("/")
    entries = len(embedded_page_cache._cache)
    for n in range(30):
        client.get("/", {"q": "x" * 2000 + str(n)})
    # The page once, beside the fragments of its layout (core.cache.fragments), which no query
    # string multiplies either.
    assert len(embedded_page_cache._cache) == entries
    assert len([key for key in embedded_page_cache._cache if ":page:" in key]) == 1


def test_a_visitor_with_a_session_or_a_message_gets_a_fresh_page(client, page_cache, home_page):
    client.get("/")
    assert state(Client(HTTP_COOKIE="sessionid=abc").get("/")) is None
    assert state(Client(HTTP_COOKIE="messages=abc").get("/")) is None


def test_a_hostile_host_header_cannot_poison_the_cached_page(client, page_cache, home_page):
    hostile = client.get("/", HTTP_HOST="evil.example")
    assert hostile.status_code == 200
    response = Client().get("/")
    assert state(response) == "miss"
    assert "evil.example" not in response.content.decode()


def test_a_hostile_accept_language_cannot_poison_the_cached_page(
    client, page_cache, home_page, english_home
):
    Client(HTTP_ACCEPT_LANGUAGE="zz-ZZ, <script>;q=1").get("/")
    Client(HTTP_ACCEPT_LANGUAGE="en").get("/")
    response = Client(HTTP_ACCEPT_LANGUAGE="fr").get("/")
    assert response.status_code == 200
    assert '<html lang="fr"' in response.content.decode()
    english = Client().get(english_home.url)
    assert '<html lang="en"' in english.content.decode()


def test_each_visitor_of_a_cached_page_gets_csrf_tokens_that_pass(page_cache, home_page):
    from newsletter.models import Audience, Consent

    audience = Audience.ensure_defaults()[0]
    first = Client(enforce_csrf_checks=True)
    first_token = TOKEN_RE.search(first.get("/").content.decode()).group(1)
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get("/")
    assert state(page) == "hit"
    token = TOKEN_RE.search(page.content.decode()).group(1)
    assert token != first_token
    assert "csrftoken" in page.cookies
    response = visitor.post(
        "/lettre/inscription/",
        {
            "email": "dominique@example.org",
            "audiences": [audience.pk],
            "csrfmiddlewaretoken": token,
            "website": "",
        },
    )
    assert response.status_code == 302
    assert Consent.objects.count() == 1


@pytest.mark.urls("tests.core.page_cache_urls")
def test_a_cached_page_never_replays_a_csp_nonce(client, page_cache, settings, home_page):
    from core.cache import registry

    registry.register_cacheable_view("test_nonce")
    nonces = []
    for _ in range(3):
        response = client.get("/test-nonce/")
        body_nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
        # The site's policy names no nonce today; one that did would get the same fresh value.
        if "nonce-" in response["Content-Security-Policy"]:
            assert f"'nonce-{body_nonce}'" in response["Content-Security-Policy"]
        nonces.append(body_nonce)
    assert state(response) == "hit"
    assert len(set(nonces)) == 3


def test_routes_with_forms_or_tokens_of_a_routable_page_are_not_cached(
    client, page_cache, home_page
):
    from resources.factories import ResourceIndexPageFactory

    hub = ResourceIndexPageFactory(parent=home_page)
    hub.save_revision().publish()
    client.get(hub.url)
    assert state(client.get(hub.url)) == "hit"
    client.get(hub.url + "alerte/")
    assert state(client.get(hub.url + "alerte/")) is None


def test_a_known_etag_gets_a_304(client, page_cache, content_page):
    etag = client.get(content_page.url)["ETag"]
    response = client.get(content_page.url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304


def test_what_wagtail_writes_back_while_rendering_does_not_purge(page_cache, home_page):
    from core.factories.media import ImageFactory

    image = ImageFactory()
    before = current_generation()
    image.file_hash = ""
    image.get_file_hash()  # saves file_hash, as a first rendition does
    assert current_generation() == before
    image.title = "Un autre titre"
    image.save()
    assert current_generation() != before


def test_reordering_the_newsletter_audiences_shows_in_the_footer_of_cached_pages(
    client, page_cache, home_page
):
    """The footer's subscription form lists the audiences on every page: an audience saved purges
    the cache (NewsletterConfig registers the model)."""
    import html

    from newsletter.models import Audience

    audiences = Audience.ensure_defaults()
    first, last = audiences[0], audiences[-1]

    def first_before_last():
        page = html.unescape(client.get("/").content.decode())
        return page.index(str(first)) < page.index(str(last))

    assert first_before_last() is True
    assert client.get("/")["x-page-cache"] == "hit"
    first.position, last.position = last.position + 1, 0
    first.save()
    last.save()
    assert first_before_last() is False
