"""The apps' public routes in the page cache (each app's AppConfig.ready() registers them through
core.cache.registry): an anonymous visitor's second visit is served from the cache, a publish purges
it; the routes with forms, tokens or visitor input, and the members-only events, are never cached."""

import datetime
import html
import pickle

from django.contrib.auth.models import Group
from django.test import Client

from wagtail.models import PageViewRestriction

import pytest

from core.network import NETWORK

pytestmark = pytest.mark.django_db

SECRET = "Comité technique des facilitateurs"


def state(response):
    return response.get("X-Page-Cache")


def assert_cached(url):
    """Two anonymous visits: the first is stored, the second served from the cache."""
    first = Client().get(url)
    assert first.status_code == 200, url
    assert state(first) == "miss", url
    second = Client().get(url)
    assert state(second) == "hit", url
    assert second.content == first.content or b"csrfmiddlewaretoken" in first.content
    return second


def assert_never_cached(url, **extra):
    for _ in range(2):
        response = Client().get(url, **extra)
        assert state(response) is None, url
    return response


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def agenda(home_page):
    from events.factories import AgendaPageFactory

    return publish(AgendaPageFactory(parent=home_page))


@pytest.fixture
def series(agenda):
    """A weekly public series of five dates, registrations open."""
    from events.factories import EventPageFactory
    from events.models import EventPage

    monday = datetime.date.today() + datetime.timedelta(days=7 - datetime.date.today().weekday())
    page = EventPageFactory(
        parent=agenda,
        title="Permanence des clauses sociales",
        slug="permanence",
        start_date=monday,
        repeat="weekly",
        repeat_count=5,
        registration_enabled=True,
        capacity=10,
    )
    publish(page)
    return EventPage.objects.get(pk=page.pk)


@pytest.fixture
def network_meeting(agenda):
    from events.factories import EventPageFactory
    from events.models import EventPage

    page = EventPageFactory(
        parent=agenda,
        title=SECRET,
        slug="comite-technique",
        start_date=datetime.date.today() + datetime.timedelta(days=10),
        registration_enabled=True,
        capacity=10,
    )
    publish(page)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=NETWORK))
    return EventPage.objects.get(pk=page.pk)


@pytest.fixture
def member(django_user_model):
    user = django_user_model.objects.create_user("membre", "membre@example.org", "x" * 16)
    user.groups.add(Group.objects.get(name=NETWORK))
    return user


def test_the_agenda_its_month_view_and_its_feed_are_cached_and_purged_on_publish(
    page_cache, agenda, series
):
    month = agenda.url + f"mois/?mois={series.start_date:%Y-%m}"
    for url in (agenda.url, agenda.url + "mois/", agenda.url + "calendrier/"):
        assert_cached(url)
    assert_never_cached(month)  # a query string: visitor input, never a key
    series.title = "Permanence des clauses sociales, nouvelle salle"
    publish(series)
    response = Client().get(agenda.url)
    assert state(response) == "miss"
    assert "nouvelle salle" in response.content.decode()


def test_an_events_date_pages_and_feeds_are_cached_and_purged_on_publish(page_cache, series):
    occurrence = series.occurrences.filter(in_series=True).order_by("original_date")[1]
    date_page = series.url + f"{occurrence.original_date:%Y-%m-%d}/"
    for url in (series.url, series.url + "calendrier/", date_page, date_page + "calendrier/"):
        assert_cached(url)
    series.venue = "Salle du conseil"
    publish(series)
    response = Client().get(date_page)
    assert state(response) == "miss"
    assert "Salle du conseil" in response.content.decode()


def test_a_registration_purges_the_places_left(page_cache, series):
    from events.factories import RegistrationFactory

    assert_cached(series.url)
    RegistrationFactory(event=series)
    assert state(Client().get(series.url)) == "miss"


def test_registration_forms_and_their_tokens_are_never_cached(page_cache, series):
    from events.factories import RegistrationFactory
    from events.tokens import registration_token

    occurrence = series.occurrences.filter(in_series=True).order_by("original_date")[0]
    registration = RegistrationFactory(event=series)
    token_url = series.url + f"inscription/{registration_token(registration)}/"
    for url in (
        series.url + "inscription/",
        series.url + f"{occurrence.original_date:%Y-%m-%d}/inscription/",
        token_url,
    ):
        assert_never_cached(url)


def test_a_members_only_event_is_never_cached(embedded_page_cache, agenda, network_meeting, member):
    occurrence = network_meeting.url + f"{network_meeting.start_date:%Y-%m-%d}/"
    urls = (network_meeting.url, network_meeting.url + "calendrier/", occurrence)
    for url in urls:
        response = assert_never_cached(url)
        assert response.status_code == 302  # Wagtail's privacy: to the sign-in page
    visitor = Client()
    visitor.force_login(member)
    seen = visitor.get(network_meeting.url)
    assert seen.status_code == 200 and SECRET in html.unescape(seen.content.decode())
    assert state(seen) is None
    assert "private" in visitor.get(agenda.url)["Cache-Control"]
    # The public agenda is cached without it, and a member's visit stored nothing.
    public = assert_cached(agenda.url)
    assert SECRET not in html.unescape(public.content.decode())
    for url in urls:
        assert assert_never_cached(url).status_code == 302
    # The local-memory cache keeps pickles it wrote itself: the pages, and the fragments of their
    # layout (core.cache.fragments), none of the private page's.
    stored = [pickle.loads(v) for v in embedded_page_cache._cache.values()]  # noqa: S301
    bodies = [v.encode() if isinstance(v, str) else v["body"] for v in stored]
    assert bodies and not any(SECRET.encode() in body for body in bodies)


@pytest.fixture
def directory_page(home_page):
    from directory.factories import DirectoryPageFactory

    return publish(DirectoryPageFactory(parent=home_page))


@pytest.fixture
def actor(directory_page):
    from directory.factories import ActorFactory

    return ActorFactory(name="Bâtir Védas", kind="ei", latitude=43.61, longitude=3.87)


def test_the_directory_its_map_and_an_actors_page_are_cached_and_purged(
    page_cache, directory_page, actor
):
    for url in (
        directory_page.url,
        directory_page.url + "points/",
        actor_url := (directory_page.url + f"{actor.slug}/"),
    ):
        assert_cached(url)
    actor.name = "Bâtir Védas Insertion"
    actor.save()
    response = Client().get(actor_url)
    assert state(response) == "miss"
    assert "Bâtir Védas Insertion" in html.unescape(response.content.decode())
    directory_page.title = "Annuaire de l'insertion"
    publish(directory_page)
    assert state(Client().get(directory_page.url)) == "miss"


def test_the_directorys_forms_and_visitor_input_are_never_cached(page_cache, directory_page, actor):
    for url in (
        directory_page.url + f"{actor.slug}/corriger/",
        directory_page.url + "facilitateur/",
        directory_page.url + "communes/",
        directory_page.url + "?q=insertion",
    ):
        assert_never_cached(url)


@pytest.fixture
def watch_page(home_page):
    from tenders.factories import WatchPageFactory

    return publish(WatchPageFactory(parent=home_page))


def test_the_watch_and_a_notices_page_are_cached_and_purged_on_publish(page_cache, watch_page):
    from tenders.factories import NoticeFactory

    notice = NoticeFactory(title="Nettoyage des locaux de la commune")
    notice_url = watch_page.url + f"avis/{notice.idweb}/"
    for url in (watch_page.url, watch_page.url + "flux/", notice_url):
        assert_cached(url)
    assert_never_cached(watch_page.url + "?q=nettoyage")
    assert_never_cached(watch_page.url + "alerte/")
    watch_page.title = "Veille des marchés, nouvelle formule"
    publish(watch_page)
    response = Client().get(notice_url)
    assert state(response) == "miss"
    assert "nouvelle formule" in html.unescape(response.content.decode())


def test_a_members_view_of_a_notice_is_never_stored(page_cache, watch_page, member):
    from tenders.factories import NoticeFactory

    notice = NoticeFactory()
    visitor = Client()
    visitor.force_login(member)
    url = watch_page.url + f"avis/{notice.idweb}/"
    assert state(visitor.get(url)) is None
    assert state(Client().get(url)) == "miss"


@pytest.fixture
def observatory_page(home_page, monkeypatch):
    from core import reference
    from observatory.demo import ensure_observatory_page
    from tests.observatory.conftest import FakeReference

    monkeypatch.setattr(reference, "_provider", FakeReference())
    return ensure_observatory_page(home_page)


def test_the_observatory_and_its_open_data_are_cached_and_purged_on_publish(
    page_cache, observatory_page
):
    urls = (
        observatory_page.url,
        observatory_page.url + "methodologie/",
        observatory_page.url + "donnees/annees/csv/",
        observatory_page.url + "donnees/secteurs/json/",
    )
    for url in urls:
        assert_cached(url)
    download = Client().get(urls[2])
    assert download["Content-Type"].startswith("text/csv")
    assert_never_cached(urls[3] + "?annee=2024")
    publish(observatory_page)
    assert state(Client().get(urls[2])) == "miss"


def test_the_newsletter_archive_and_an_issue_are_cached_and_purged_on_publish(
    page_cache, home_page
):
    from newsletter.factories import NewsletterIndexPageFactory, NewsletterPageFactory

    archive = publish(NewsletterIndexPageFactory(parent=home_page))
    issue = publish(NewsletterPageFactory(parent=archive))
    assert_cached(archive.url)
    assert_cached(issue.url)
    issue.title = "La lettre de décembre"
    publish(issue)
    response = Client().get(archive.url)
    assert state(response) == "miss"
    assert "La lettre de décembre" in html.unescape(response.content.decode())
