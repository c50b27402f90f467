"""No outsider's request gets a 5xx: Hypothesis sends random query strings, path segments and form
posts to every public URL of the demo site (its pages in both languages, search, the resource hub and
its feeds, autocomplete and alert, the newsletter's pages and links, media and documents, sitemap,
robots.txt, the provider webhooks, the admin login and password reset) and fails on any 5xx.

Runs on both databases (SQLite and PostgreSQL passes of `make test`): integer overflows and invalid
byte sequences are refused differently by each engine."""

from django.test import Client, override_settings

from wagtail.models import Page

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import demo_site_in_transaction

FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Rate limits and lockouts answer 429, which would hide what comes after them.
NO_LIMITS = override_settings(
    NEWSLETTER_RATE_LIMIT="100000/s",
    CONTACT_RATE_LIMIT="100000/s",
    ADMIN_PASSWORD_RESET_RATE_LIMIT="100000/s",
    AXES_ENABLED=False,
)


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    with demo_site_in_transaction(django_db_blocker):
        yield


@pytest.fixture
def urls(demo_site, db):
    """Every live page of the demo site, in both languages."""
    return sorted({page.url for page in Page.objects.live().specific() if page.url})


# Values an attacker or a broken client sends: any text (NUL bytes, lone surrogates are not
# encodable and are left out by Hypothesis' default alphabet), huge and negative numbers, long runs.
values = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.sampled_from(["", "0", "-1", "9999999999999999999999999", "1e308", "NaN", "\x00", "%00"]),
    st.text(alphabet="a/.%\\", min_size=200, max_size=400),
    st.sampled_from(["'", '"', "*", "(", ")", "AND", "OR NOT", "NEAR(", "^", ":", "{", "<script>"]),
)
PARAMETER_NAMES = [
    "q",
    "page",
    "tri",
    "theme",
    "public",
    "type",
    "reference",
    "annee",
    "format",
    "lang",
]
query_strings = st.dictionaries(
    st.one_of(st.sampled_from(PARAMETER_NAMES), st.text(min_size=1, max_size=10)),
    st.one_of(values, st.lists(values, max_size=3)),
    max_size=4,
)

SEGMENT_URLS = [
    "/lettre/confirmation/{}/",
    "/lettre/preferences/{}/",
    "/lettre/desinscription/{}/",
    "/newsletter/one-click/{}/",
    "/media/{}",
    "/media/images/{}",
    "/documents/{}/",
    "/documents/1/{}",
    "/{}/",
    "/en/{}/",
    "/ressources/{}/",
]
FORMS = {
    "/lettre/inscription/": ["email", "audiences", "name", "organisation", "territory", "website"],
    "/en/newsletter/subscribe/": ["email", "audiences", "name", "website"],
    "/contact/": ["nom", "courriel", "message", "website"],
    "/ressources/alerte/": ["email", "frequency", "search", "website", "q"],
    "/admin/login/": ["username", "password", "next"],
    "/django-admin/login/": ["username", "password", "next"],
    "/admin/password_reset/": ["email"],
    "/anymail/brevo/tracking/": ["event", "message-id", "email"],
    "/newsletter/one-click/x/": ["List-Unsubscribe"],
}
form_posts = st.tuples(
    st.sampled_from(sorted(FORMS)),
    st.data(),
)


def assert_no_server_error(response, method, url, data=None):
    assert response.status_code < 500, f"{method} {url} {data!r} answered {response.status_code}"


def test_random_query_strings_on_every_page_never_answer_5xx(urls):
    client = Client(raise_request_exception=False)
    extra_urls = ["/recherche/", "/en/search/", "/sitemap.xml", "/robots.txt", "/healthz"]
    hub_urls = [url for url in urls if "ressources" in url or "resources" in url][:2]
    extra_urls += [
        f"{hub}{suffix}"
        for hub in hub_urls
        for suffix in ("suggestions/", "flux/rss/", "flux/atom/", "alerte/")
    ]

    @FUZZ
    @given(url=st.sampled_from(urls + extra_urls), params=query_strings)
    def check(url, params):
        with NO_LIMITS:
            response = client.get(url, params)
        assert_no_server_error(response, "GET", url, params)

    check()


def test_random_path_segments_never_answer_5xx(demo_site, db):
    client = Client(raise_request_exception=False)
    segments = st.one_of(
        st.text(alphabet=st.characters(blacklist_characters="/?#"), min_size=1, max_size=30),
        st.text(alphabet="abcdef0123456789:-_", min_size=1, max_size=80),
        st.text(alphabet="x", min_size=250, max_size=1100),
        st.sampled_from([".", "..", "%2e%2e", "..%2f..%2fetc%2fpasswd", "%00", "a" * 300 + ".png"]),
    )

    @FUZZ
    @given(
        template=st.sampled_from(SEGMENT_URLS),
        segment=segments,
        method=st.sampled_from(["GET", "POST"]),
    )
    def check(template, segment, method):
        url = template.format(segment)
        with NO_LIMITS:
            response = client.get(url) if method == "GET" else client.post(url, {})
        assert_no_server_error(response, method, url)

    check()


def test_random_form_posts_never_answer_5xx(demo_site, db):
    client = Client(raise_request_exception=False)

    @FUZZ
    @given(url=st.sampled_from(sorted(FORMS)), data=st.data())
    def check(url, data):
        fields = FORMS[url]
        posted = data.draw(
            st.dictionaries(
                st.one_of(st.sampled_from(fields), st.text(min_size=1, max_size=8)),
                st.one_of(values, st.lists(values, max_size=3)),
                max_size=len(fields) + 1,
            )
        )
        with NO_LIMITS:
            response = client.post(url, posted)
        assert_no_server_error(response, "POST", url, posted)

    check()


def test_random_bodies_never_answer_5xx(demo_site, db):
    client = Client(raise_request_exception=False)
    bodies = st.one_of(
        st.binary(max_size=200),
        st.text(max_size=200).map(str.encode),
        st.sampled_from([b"", b"null", b"[]", b"{}", b'{"a": [', b"[1, 2, 3]", b'"x"']),
    )
    content_types = st.sampled_from(
        [
            "application/json",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "text/plain",
        ]
    )

    @FUZZ
    @given(
        url=st.sampled_from(
            sorted(FORMS) + ["/anymail/amazon_ses/tracking/", "/anymail/mailgun/tracking/"]
        ),
        body=bodies,
        content_type=content_types,
    )
    def check(url, body, content_type):
        with NO_LIMITS:
            response = client.generic("POST", url, body, content_type=content_type)
        assert_no_server_error(response, "POST", url, body)

    check()


ADVERSARIAL = ["9999999999999999999999999", "-1", "\x00", "x" * 300, "1e308", ["1", "2" * 30]]


def test_each_form_field_refuses_adversarial_values_without_5xx(demo_site, db):
    """Every field of every form, with each value that once gave a 500 somewhere (an id past 2**63
    raises OverflowError on SQLite, a NUL byte is refused by PostgreSQL)."""
    client = Client(raise_request_exception=False)
    for url, fields in FORMS.items():
        for field in fields:
            for value in ADVERSARIAL:
                with NO_LIMITS:
                    response = client.post(url, {field: value})
                assert_no_server_error(response, "POST", url, {field: value})
