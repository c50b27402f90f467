"""What Wagtail asks at every request, kept per generation for the site's page types
(core.cache.pages): the page a URL names, its view restrictions and its translation. The same
answers as Wagtail's own: a made-up address is a 404 that keeps nothing, a section made private is
refused at the next request, an English visitor gets the English page."""

from django.core.cache import cache
from django.test import Client

import pytest

pytestmark = pytest.mark.django_db


def route_keys():
    return [key for key in cache._cache if ":route:" in key]


def test_a_page_is_routed_without_a_query_once_kept(
    client, content_page, django_assert_num_queries
):
    from django.test import RequestFactory

    from wagtail.models import Page

    from core.cache.objects import remember_site

    client.get(content_page.url)
    request = RequestFactory().get(content_page.url)
    with django_assert_num_queries(0):
        remember_site(request)
        route = Page.route_for_request(request, content_page.url)
        assert list(route.page.get_view_restrictions()) == []
    assert route.page.pk == content_page.pk
    assert type(route.page) is type(content_page)


def test_a_made_up_address_is_a_404_that_keeps_nothing(client, content_page):
    client.get(content_page.url)
    kept = route_keys()
    for n in range(5):
        assert client.get(f"/n-existe-pas-{n}/").status_code == 404
        assert client.get(f"{content_page.url}n-existe-pas-{n}/").status_code == 404
    assert route_keys() == kept


def test_a_page_not_live_is_a_404_even_once_kept(client, content_page):
    client.get(content_page.url)
    content_page.unpublish()
    assert client.get(content_page.url).status_code == 404


def test_a_section_made_private_is_refused_at_the_next_request(client, page_cache, content_page):
    from wagtail.models import PageViewRestriction

    assert client.get(content_page.url).status_code == 200
    assert client.get(f"{content_page.url}?nocache=1").status_code == 200
    PageViewRestriction.objects.create(
        page=content_page, restriction_type=PageViewRestriction.LOGIN
    )
    for url in (content_page.url, f"{content_page.url}?nocache=1"):
        response = Client().get(url)
        assert response.status_code == 302


def test_the_kept_restrictions_are_those_wagtail_finds(content_page, home_page):
    from wagtail.models import Page, PageViewRestriction

    assert list(content_page.get_view_restrictions()) == []
    restriction = PageViewRestriction.objects.create(
        page=home_page, restriction_type=PageViewRestriction.LOGIN
    )
    assert list(content_page.get_view_restrictions()) == [restriction]
    assert list(Page.get_view_restrictions(content_page)) == [restriction]


def test_public_pages_are_those_of_wagtails_public(home_page, content_page):
    from wagtail.models import Page, PageViewRestriction

    from core.cache.pages import private_pages_q
    from home.factories import ContentPageFactory

    other = ContentPageFactory(parent=home_page, slug="autre")
    other.save_revision().publish()
    PageViewRestriction.objects.create(page=other, restriction_type=PageViewRestriction.LOGIN)
    kept = set(Page.objects.live().exclude(private_pages_q()).values_list("pk", flat=True))
    assert kept == set(Page.objects.live().public().values_list("pk", flat=True))
    assert other.pk not in kept and content_page.pk in kept


def test_an_english_visitor_gets_the_english_pages(client, english_content_page, english_home):
    assert client.get("/en/").context["page"].pk == english_home.pk
    response = client.get(english_content_page.url)
    assert response.status_code == 200
    assert response.context["page"].pk == english_content_page.pk
    assert client.get(english_content_page.url).context["page"].pk == english_content_page.pk
