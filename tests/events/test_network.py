"""Meetings reserved to the network: Wagtail's page privacy by the group core.network.NETWORK.
They never appear to the public (agenda list, month view, feed, site search, sitemap, digest, home
page); a member of the group signed in sees them in the agenda, marked, and on the members' home;
only members may open them and register."""

import datetime
import html

from django.contrib.auth.models import Group
from django.template.loader import render_to_string
from django.test import RequestFactory

from wagtail.models import PageViewRestriction

import icalendar
import pytest

from core.digest import digest_items
from core.network import NETWORK
from core.sections import members_sections
from events.models import Registration

from .conftest import days_from_now

SECRET = "Comité technique des facilitateurs"


def text(response):
    return html.unescape(response.content.decode())


def reserve_to_network(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=NETWORK))
    return page


@pytest.fixture
def network_meeting(make_event):
    return reserve_to_network(
        make_event(
            title=SECRET,
            slug="comite-technique",
            kind="technical",
            summary="Les dossiers en cours des facilitateurs du réseau.",
            start_date=days_from_now(10),
            start_time=datetime.time(14, 0),
            end_time=datetime.time(16, 0),
            city="Lodève",
            registration_enabled=True,
            capacity=10,
        )
    )


@pytest.fixture
def public_meeting(make_event):
    return make_event(
        title="Réunion publique des acheteurs",
        slug="reunion-publique",
        summary="Les clauses sociales expliquées aux acheteurs.",
        start_date=days_from_now(12),
    )


@pytest.fixture
def member(django_user_model):
    user = django_user_model.objects.create_user("membre", "membre@example.org", "x" * 16)
    user.groups.add(Group.objects.get(name=NETWORK))
    return user


@pytest.fixture
def outsider(django_user_model):
    return django_user_model.objects.create_user("autre", "autre@example.org", "x" * 16)


def month_of(day):
    return f"/agenda/mois/?mois={day:%Y-%m}"


@pytest.mark.django_db
def test_the_public_never_sees_a_network_meeting(client, network_meeting, public_meeting, locales):
    day = network_meeting.start_date
    for url in ("/agenda/", month_of(day), "/agenda/?type=technical", "/"):
        page = text(client.get(url))
        assert SECRET not in page, url
    assert "Réunion publique des acheteurs" in text(client.get("/agenda/"))
    assert "Lodève" not in text(client.get("/agenda/"))  # not even in the commune filter

    feed = icalendar.Calendar.from_ical(client.get("/agenda/calendrier/").content)
    assert [str(e["summary"]) for e in feed.walk("VEVENT")] == ["Réunion publique des acheteurs"]

    assert SECRET not in text(client.get("/recherche/?q=facilitateurs"))
    sitemap = text(client.get("/sitemap.xml"))
    assert "/agenda/reunion-publique/" in sitemap
    assert "comite-technique" not in sitemap
    titles = [item.title for item in digest_items("events", locales.fr, 10)]
    assert titles == ["Réunion publique des acheteurs"]


@pytest.mark.django_db
def test_a_signed_in_person_outside_the_network_does_not_see_it_either(
    client, network_meeting, outsider
):
    client.force_login(outsider)
    assert SECRET not in text(client.get("/agenda/"))
    assert SECRET not in text(client.get(month_of(network_meeting.start_date)))
    response = client.get(network_meeting.url)
    assert response.status_code == 302  # Wagtail's privacy sends to the login page
    assert SECRET not in text(response)


@pytest.mark.django_db
def test_a_member_sees_the_network_meetings_in_the_agenda_marked_as_reserved(
    client, network_meeting, public_meeting, member
):
    client.force_login(member)
    response = client.get("/agenda/")
    page = text(response)
    assert SECRET in page and "Réunion publique des acheteurs" in page
    assert page.count("Réservé au réseau") == 1
    assert "private" in response["Cache-Control"]
    month = text(client.get(month_of(network_meeting.start_date)))
    assert SECRET in month and "(réservé au réseau)" in month
    assert SECRET in text(client.get("/agenda/?commune=Lodève"))
    detail = client.get(network_meeting.url)
    assert detail.status_code == 200 and SECRET in text(detail)
    # The feed is fetched by calendars without the member's session: public events only.
    feed = icalendar.Calendar.from_ical(client.get("/agenda/calendrier/").content)
    assert SECRET not in [str(e["summary"]) for e in feed.walk("VEVENT")]
    # The public home page stays the same for members.
    assert SECRET not in text(client.get("/"))


@pytest.mark.django_db
def test_only_members_can_register_for_a_network_meeting(client, network_meeting, member, outsider):
    data = {"name": "Camille Martin", "email": "camille@example.org", "consent": "on"}
    url = network_meeting.url + "inscription/"
    response = client.post(url, data)
    assert response.status_code == 302
    client.force_login(outsider)
    assert client.post(url, data).status_code == 302
    assert client.get(url).status_code == 302
    assert not Registration.objects.exists()

    client.force_login(member)
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Votre inscription est confirmée" in text(response)
    assert Registration.objects.get().email == "camille@example.org"


@pytest.mark.django_db
def test_the_members_home_section_lists_the_next_network_meetings(
    network_meeting, public_meeting, make_event, member, home_page
):
    reserve_to_network(
        make_event(title="Réunion passée du réseau", slug="passee", start_date=days_from_now(-5))
    )
    section = next(s for s in members_sections() if s.key == "events")
    request = RequestFactory().get("/espace-membres/")
    request.user = member
    context = section.context(request, home_page)
    assert [item.event.title for item in context["items"]] == [SECRET]
    assert context["agenda"].slug == "agenda"
    rendered = html.unescape(render_to_string(section.template, context, request=request))
    assert "Prochaines réunions du réseau" in rendered
    assert SECRET in rendered and network_meeting.url + "inscription/" in rendered
    assert "Réunion publique des acheteurs" not in rendered


@pytest.mark.django_db
def test_the_members_home_section_says_when_no_meeting_is_planned(agenda, member, home_page):
    section = next(s for s in members_sections() if s.key == "events")
    request = RequestFactory().get("/espace-membres/")
    request.user = member
    context = section.context(request, home_page)
    assert context["items"] == []
    rendered = html.unescape(render_to_string(section.template, context, request=request))
    assert "Aucune réunion du réseau n'est prévue pour le moment." in rendered


@pytest.mark.django_db
def test_each_date_of_a_public_series_is_in_the_sitemap_and_no_date_of_a_network_one(
    client, make_event
):
    monday = days_from_now(7 - days_from_now(0).weekday())
    series = make_event(
        title="Permanence", slug="permanence", start_date=monday, repeat="weekly", repeat_count=3
    )
    reserve_to_network(
        make_event(
            title="Réseau", slug="reseau", start_date=monday, repeat="weekly", repeat_count=3
        )
    )
    sitemap = text(client.get("/sitemap.xml"))
    for week in range(3):
        day = monday + datetime.timedelta(days=7 * week)
        assert f"{series.url}{day.isoformat()}/</loc>" in sitemap
    assert "/reseau/" not in sitemap
