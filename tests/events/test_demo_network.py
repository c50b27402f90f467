"""The demo's meetings reserved to the network: a monthly technical call with no end and the
half-year coordination, both dated from the current month so that they are always to come, behind
Wagtail's page privacy by the group core.network.NETWORK in French and English. A member sees them
on the members' home; the public never sees them in the agenda, the month view, the feeds, the
site search, the sitemap or the digest."""

import html

from django.contrib.auth.models import Group
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from wagtail.models import PageViewRestriction

import icalendar
import pytest

from core.demo import Demo
from core.digest import digest_items
from core.network import NETWORK
from core.sections import members_sections
from events.demo import EventsDemo, network_only_slugs
from events.models import EventOccurrence, EventPage

MONTHLY = "Point technique mensuel des facilitateurs"
COORDINATION = "Coordination du réseau\u00a0: bilan du semestre"
MONTHLY_EN = "Facilitators' monthly technical call"
COORDINATION_EN = "Network coordination: the half-year review"


def text(response):
    return html.unescape(response.content.decode())


def build_demo_agenda(home_page):
    demo = Demo(admin=None)
    demo.refs.pages["home"] = home_page
    builder = EventsDemo()
    builder.prepare(demo)
    builder.build(demo)
    return demo


@pytest.fixture
def demo_agenda(home_page, english_home, locales):
    return build_demo_agenda(home_page)


@pytest.fixture
def member(django_user_model):
    user = django_user_model.objects.create_user("membre", "membre@example.org", "x" * 16)
    user.groups.add(Group.objects.get(name=NETWORK))
    return user


def network_pages():
    return EventPage.objects.filter(slug__in=network_only_slugs()).order_by("slug")


@pytest.mark.django_db
def test_the_demo_puts_its_two_network_meetings_behind_the_network_privacy(demo_agenda, locales):
    assert sorted(network_only_slugs()) == [
        "coordination-reseau-semestrielle",
        "reunion-technique-mensuelle-reseau",
    ]
    for page in network_pages():
        english = page.get_translation(locales.en)
        for translated in (page, english):
            assert translated.live
            restriction = PageViewRestriction.objects.get(page=translated)
            assert restriction.restriction_type == PageViewRestriction.GROUPS
            assert list(restriction.groups.values_list("name", flat=True)) == [NETWORK]
    assert EventPage.objects.live().public().filter(title__in=[MONTHLY, COORDINATION]).count() == 0
    # The other demo events stay public.
    assert EventPage.objects.live().public().filter(locale=locales.fr).count() == 5


@pytest.mark.django_db
def test_the_demo_network_meetings_are_always_to_come(demo_agenda):
    now = timezone.now()
    series = EventPage.objects.get(slug="reunion-technique-mensuelle-reseau")
    assert series.is_recurring and series.repeat_count is None and series.repeat_until is None
    upcoming = EventOccurrence.objects.filter(event=series, starts_at__gte=now)
    assert upcoming.count() >= 12  # a year of first Thursdays at least, up to the rule's horizon
    assert all(o.start_date.weekday() == 3 and o.start_date.day <= 7 for o in upcoming)
    coordination = EventPage.objects.get(slug="coordination-reseau-semestrielle")
    assert coordination.starts_at > now


@pytest.mark.django_db
def test_building_the_demo_again_changes_nothing(demo_agenda, home_page):
    again = build_demo_agenda(home_page)
    assert again.report == {"created": [], "updated": [], "translated": []}
    assert PageViewRestriction.objects.count() == 4


@pytest.mark.django_db
def test_the_members_home_lists_the_demo_network_meetings(demo_agenda, member, home_page):
    section = next(s for s in members_sections() if s.key == "events")
    request = RequestFactory().get("/espace-reseau/")
    request.user = member
    context = section.context(request, home_page)
    titles = {item.event.title for item in context["items"]}
    assert titles == {MONTHLY, COORDINATION}
    rendered = html.unescape(render_to_string(section.template, context, request=request))
    assert MONTHLY in rendered and COORDINATION in rendered
    assert "Aucune réunion du réseau n'est prévue pour le moment." not in rendered


@pytest.mark.django_db
def test_the_public_never_sees_the_demo_network_meetings(client, demo_agenda, locales):
    coordination = EventPage.objects.get(slug="coordination-reseau-semestrielle")
    month = f"?mois={coordination.start_date:%Y-%m}"
    pages = [
        "/",
        "/agenda/",
        "/agenda/?type=technical",
        "/agenda/?type=coordination",
        "/agenda/mois/" + month,
        "/en/events/",
        "/en/events/mois/" + month,
        "/recherche/?q=facilitateurs",
        "/recherche/?q=coordination",
        "/sitemap.xml",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        page = text(response)
        for title in (MONTHLY, COORDINATION, MONTHLY_EN, COORDINATION_EN):
            assert title not in page, url
    assert "Réunion technique du réseau des facilitateurs" in text(client.get("/agenda/"))
    for feed_url in ("/agenda/calendrier/", "/en/events/calendrier/"):
        feed = icalendar.Calendar.from_ical(client.get(feed_url).content)
        summaries = {str(e["summary"]) for e in feed.walk("VEVENT")}
        assert summaries and not summaries & {MONTHLY, COORDINATION, MONTHLY_EN, COORDINATION_EN}
    for locale in (locales.fr, locales.en):
        titles = {item.title for item in digest_items("events", locale, 20)}
        assert titles and not titles & {MONTHLY, COORDINATION, MONTHLY_EN, COORDINATION_EN}
    for page in network_pages():
        assert client.get(page.url).status_code == 302  # to the sign-in page
