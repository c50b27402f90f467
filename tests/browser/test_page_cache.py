"""A form on a page the page cache serves (core.cache): an anonymous visitor gets a content page
from the cache at the second visit, and the footer's newsletter form still passes CSRF, with a token
of their own written into the stored copy.

The page cache is off in the test settings (site/config/settings/test.py): this test switches it on,
on the local-memory aliases the test settings give every thread (the live server's included)."""

from django.core.cache import caches

import pytest

from newsletter.models import Subscriber

pytestmark = pytest.mark.browser

PAGE = "/la-mission/"  # a content page of the demo, with the newsletter form in its footer


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    for alias in ("pages", "page_generation"):
        caches[alias].clear()
    yield
    for alias in ("pages", "page_generation"):
        caches[alias].clear()


def test_a_visitor_subscribes_from_the_footer_of_a_cached_page(
    browser, site_server, db, page_cache_on, mailoutbox
):
    first = browser.new_context(locale="fr-FR", base_url=site_server.url)
    assert first.new_page().goto(PAGE).headers.get("x-page-cache") == "miss"
    first.close()

    visitor = browser.new_context(locale="fr-FR", base_url=site_server.url)
    page = visitor.new_page()
    response = page.goto(PAGE)
    assert response.status == 200
    assert response.headers.get("x-page-cache") == "hit"
    footer = page.locator("footer .newsletter-signup")
    footer.get_by_label("Adresse électronique").fill("pied-de-page@example.org")
    footer.get_by_label("Acheteur public", exact=True).check()
    footer.get_by_role("button", name="S'inscrire").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() == "Vérifiez votre messagerie"
    assert Subscriber.objects.filter(email="pied-de-page@example.org").exists()
    assert len(mailoutbox) == 1
    visitor.close()
