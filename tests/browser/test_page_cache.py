"""The page cache (core.cache) in Chromium: a visitor who gets the home page from the cache
subscribes to the newsletter from its footer, the CSRF check passing with the tokens their copy got."""

import pytest

from newsletter.models import Subscriber

pytestmark = pytest.mark.browser


@pytest.fixture
def page_cache(settings):
    from django.core.cache import caches

    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def test_a_visitor_subscribes_from_the_footer_of_a_cached_page(open_page, page_cache):
    first = open_page("/")
    assert first.goto("/").headers.get("x-page-cache") == "hit"

    page = open_page("/")  # another visitor, without cookies: the copy in the cache
    response = page.goto("/")
    assert response.headers.get("x-page-cache") == "hit"
    footer = page.locator("footer")
    footer.get_by_label("Adresse électronique").fill("cache@example.org")
    footer.get_by_role("checkbox").first.check()
    footer.get_by_role("button", name="S'inscrire").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() == "Vérifiez votre messagerie"
    assert Subscriber.objects.filter(email="cache@example.org").exists()
