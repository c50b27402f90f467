"""Fragments of the layout and of pages kept per generation (core.cache.fragments): the requests the
page cache does not serve (a query string, a logged-in editor) reuse them, each visitor with CSRF
tokens of their own; a publish forgets them; a preview, a CSP nonce or the page cache switched off
keeps nothing."""

import re

from django.template import Context, Template
from django.test import Client, RequestFactory

import pytest

from core.cache import purge
from core.factories import paragraph

pytestmark = pytest.mark.django_db

TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TEMPLATE = Template(
    '{% load core_cache %}{% cached_fragment "test" part %}{{ render.count }}{% endcached_fragment %}'
)


class Renders:
    """Counts the renders of the fragment that shows it."""

    def __init__(self):
        self.calls = 0

    @property
    def count(self):
        self.calls += 1
        return self.calls


def render(renders, request, part="un"):
    return TEMPLATE.render(Context({"request": request, "render": renders, "part": part}))


def test_a_fragment_is_rendered_once_per_generation(page_cache, home_page):
    renders, request = Renders(), RequestFactory().get("/")
    assert [render(renders, request) for _ in range(3)] == ["1", "1", "1"]
    assert render(renders, request, part="deux") == "2"
    purge()
    assert render(renders, request) == "3"


def test_an_empty_part_renders_the_fragment_without_the_cache(page_cache, home_page):
    renders, request = Renders(), RequestFactory().get("/")
    assert [render(renders, request, part="") for _ in range(2)] == ["1", "2"]


def test_fragments_are_off_with_the_page_cache(settings, home_page):
    settings.PAGE_CACHE_ENABLED = False
    renders, request = Renders(), RequestFactory().get("/")
    assert [render(renders, request) for _ in range(2)] == ["1", "2"]


def test_a_preview_keeps_no_fragment(page_cache, home_page):
    renders, request = Renders(), RequestFactory().get("/")
    request.is_preview = True
    assert [render(renders, request) for _ in range(2)] == ["1", "2"]


def test_a_fragment_that_shows_the_csp_nonce_is_not_kept(page_cache, home_page):
    template = Template(
        '{% load core_cache %}{% cached_fragment "nonce" %}<script nonce="{{ nonce }}"></script>'
        "{% endcached_fragment %}"
    )
    for nonce in ("abcdef", "ghijkl"):
        request = RequestFactory().get("/")
        request._csp_nonce = nonce  # as django-csp keeps the nonce it made for the request
        html = template.render(Context({"request": request, "nonce": nonce}))
        assert html == f'<script nonce="{nonce}"></script>'


def test_each_visitor_gets_csrf_tokens_of_their_own_from_a_kept_form(page_cache, content_page):
    """The footer's newsletter form, past the page cache (a query string): from the fragment kept,
    with a token valid against the visitor's own cookie."""
    from newsletter.models import Audience, Consent

    audience = Audience.ensure_defaults()[0]
    url = f"{content_page.url}?source=lettre"
    first = Client(enforce_csrf_checks=True)
    first_token = TOKEN_RE.search(first.get(url).content.decode()).group(1)
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(url)
    assert page.get("X-Page-Cache") is None
    token = TOKEN_RE.search(page.content.decode()).group(1)
    assert token != first_token
    assert "csrftoken" in page.cookies
    response = visitor.post(
        "/lettre/inscription/",
        {
            "email": "camille@example.org",
            "audiences": [audience.pk],
            "csrfmiddlewaretoken": token,
            "website": "",
        },
    )
    assert response.status_code == 302
    assert Consent.objects.count() == 1


def test_a_publish_shows_in_the_fragments_at_the_next_request(client, page_cache, content_page):
    url = f"{content_page.url}?nocache=1"
    assert "Les marchés réservés" in client.get(url).content.decode()
    content_page.title = "Les marchés réservés, nouvelle version"
    content_page.body = [paragraph("<p>Un texte tout neuf.</p>")]
    content_page.save_revision().publish()
    html = client.get(url).content.decode()
    assert "<h1>Les marchés réservés, nouvelle version</h1>" in html
    assert "Un texte tout neuf." in html
    assert '<span aria-current="page">Les marchés réservés, nouvelle version</span>' in html


def without_userbar(html):
    """The page without Wagtail's user bar, which only editors get (before the site's header)."""
    start = html.find("<!-- Wagtail user bar embed code -->")
    if start == -1:
        return html
    return html[:start] + html[html.index('<header class="site-header"') :]


def test_a_logged_in_editor_gets_the_page_an_anonymous_visitor_gets(
    admin_client, page_cache, content_page
):
    anonymous = Client().get(content_page.url).content.decode()
    editor = admin_client.get(content_page.url).content.decode()
    assert "Wagtail user bar" in editor
    # The same words in the same order: only the blank lines around the user bar differ.
    assert TOKEN_RE.sub("", without_userbar(editor)).split() == TOKEN_RE.sub("", anonymous).split()
