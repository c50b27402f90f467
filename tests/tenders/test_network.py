"""The network's follow-up of notices: members follow, annotate and assign a notice (core.network,
the members' space's provider replaced by a stand-in); visitors and signed-in non-members see none
of it and can do none of it; the members' home section lists what a member follows or is assigned."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.template.loader import render_to_string
from django.test import RequestFactory

import pytest

from core import network
from core.network import COORDINATION, FACILITATORS, NETWORK, Membership
from core.sections import members_sections
from tenders.factories import NoticeFactory
from tenders.members import members_section
from tenders.models import NoticeAssignment, NoticeFollow, NoticeNote

pytestmark = pytest.mark.django_db

SECRET_NOTE = "Acheteur relancé le 2 décembre, rendez-vous pris"


def make_user(username, group=None, **names):
    user = get_user_model().objects.create_user(username, password="x", **names)
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


@pytest.fixture
def members(monkeypatch):
    """Three members (a facilitator, a partner of the network, the coordination) and an outsider."""
    people = {
        "facilitator": make_user("fac", FACILITATORS, first_name="Inès", last_name="Roux"),
        "partner": make_user("partner", NETWORK, first_name="Paul", last_name="Blanc"),
        "coordination": make_user("coord", COORDINATION, first_name="Léa", last_name="Noir"),
        "outsider": make_user("outsider"),
    }
    member_ids = {people[key].pk for key in ("facilitator", "partner", "coordination")}

    def provider(user):
        if user.pk not in member_ids:
            return None
        return Membership(
            territory_codes=frozenset({"34172"}), coordination=user.username == "coord"
        )

    monkeypatch.setattr(network, "_provider", provider)
    return people


@pytest.fixture
def notice(watch_page):
    return NoticeFactory(idweb="26-71000", title="Nettoyage des gymnases")


def notice_url(watch_page, action=""):
    return f"{watch_page.url}avis/26-71000/" + (f"{action}/" if action else "")


def test_a_member_follows_and_stops_following_a_notice(client, watch_page, notice, members):
    client.force_login(members["partner"])
    response = client.post(notice_url(watch_page, "suivre"))
    assert response.status_code == 302
    assert response["Location"].endswith("/avis/26-71000/#suivi")
    assert NoticeFollow.objects.filter(notice=notice, user=members["partner"]).exists()
    page = client.get(notice_url(watch_page)).content.decode()
    assert "Vous suivez cet avis." in page
    assert "Ne plus suivre cet avis" in page
    client.post(notice_url(watch_page, "suivre"))
    assert not NoticeFollow.objects.exists()


def test_a_member_annotates_a_notice_and_other_members_read_it(client, watch_page, notice, members):
    client.force_login(members["partner"])
    client.post(notice_url(watch_page, "note"), {"text": SECRET_NOTE})
    note = NoticeNote.objects.get()
    assert (note.author, note.text) == (members["partner"], SECRET_NOTE)
    client.force_login(members["facilitator"])
    assert SECRET_NOTE in client.get(notice_url(watch_page)).content.decode()


def test_an_empty_note_gives_a_french_message_and_records_nothing(
    client, watch_page, notice, members
):
    client.force_login(members["partner"])
    response = client.post(notice_url(watch_page, "note"), {"text": "   "}, follow=True)
    assert "La note est vide" in response.content.decode()
    assert not NoticeNote.objects.exists()


def test_a_facilitator_assigns_a_notice_to_a_facilitator(client, watch_page, notice, members):
    client.force_login(members["coordination"])
    page = client.get(notice_url(watch_page)).content.decode()
    assert "Inès Roux" in page  # offered in the list of facilitators
    assert "Paul Blanc" not in page  # not a facilitator
    client.post(notice_url(watch_page, "attribuer"), {"facilitator": members["facilitator"].pk})
    assignment = NoticeAssignment.objects.get()
    assert assignment.facilitator == members["facilitator"]
    assert assignment.assigned_by == members["coordination"]
    # The facilitator now follows it.
    assert NoticeFollow.objects.filter(notice=notice, user=members["facilitator"]).exists()
    assert "Attribué à Inès Roux." in client.get(notice_url(watch_page)).content.decode()


def test_a_partner_cannot_assign_and_an_unknown_facilitator_is_refused(
    client, watch_page, notice, members
):
    client.force_login(members["partner"])
    response = client.post(
        notice_url(watch_page, "attribuer"), {"facilitator": members["facilitator"].pk}
    )
    assert response.status_code == 403
    client.force_login(members["coordination"])
    response = client.post(
        notice_url(watch_page, "attribuer"), {"facilitator": members["outsider"].pk}, follow=True
    )
    assert "Ce facilitateur n'existe pas" in response.content.decode().replace("&#x27;", "'")
    assert not NoticeAssignment.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_the_public_sees_nothing_of_the_follow_up_and_can_do_nothing(
    client, watch_page, notice, members, who
):
    NoticeNote.objects.create(notice=notice, author=members["partner"], text=SECRET_NOTE)
    NoticeAssignment.objects.create(notice=notice, facilitator=members["facilitator"])
    if who == "outsider":
        client.force_login(members["outsider"])
    page = client.get(notice_url(watch_page)).content.decode()
    assert SECRET_NOTE not in page
    assert "Suivi du réseau" not in page
    assert "Inès Roux" not in page
    for action in ("suivre", "note", "attribuer"):
        response = client.post(notice_url(watch_page, action), {"text": "x", "facilitator": ""})
        assert response.status_code == 403
    assert NoticeNote.objects.count() == 1
    assert NoticeAssignment.objects.count() == 1
    assert not NoticeFollow.objects.exists()


def test_a_members_page_is_never_kept_by_a_shared_cache(client, watch_page, notice, members):
    client.force_login(members["partner"])
    response = client.get(notice_url(watch_page))
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_without_the_members_space_nobody_is_a_member(client, watch_page, notice, monkeypatch):
    monkeypatch.setattr(network, "_provider", None)
    client.force_login(make_user("someone", FACILITATORS))
    assert client.post(notice_url(watch_page, "suivre")).status_code == 403


def test_the_follow_up_actions_only_take_post(client, watch_page, notice, members):
    client.force_login(members["partner"])
    assert client.get(notice_url(watch_page, "suivre")).status_code == 405


def test_the_members_home_lists_the_notices_followed_or_assigned(watch_page, members):
    followed = NoticeFactory(title="Avis suivi par Inès")
    assigned = NoticeFactory(title="Avis attribué à Inès")
    NoticeFactory(title="Avis que personne ne suit")
    NoticeFollow.objects.create(notice=followed, user=members["facilitator"])
    NoticeAssignment.objects.create(notice=assigned, facilitator=members["facilitator"])
    request = RequestFactory().get("/membres/")
    request.user = members["facilitator"]
    context = members_section(request, None)
    items = {item["notice"].title: item for item in context["items"]}
    assert set(items) == {"Avis suivi par Inès", "Avis attribué à Inès"}
    assert items["Avis attribué à Inès"]["assigned"]
    assert not items["Avis suivi par Inès"]["assigned"]
    assert items["Avis suivi par Inès"]["url"] == f"{watch_page.url}avis/{followed.idweb}/"
    assert context["count"] == 2


def test_the_watch_registers_its_members_section(watch_page, members):
    [section] = [s for s in members_sections() if s.key == "tenders"]
    assert section.context is members_section
    NoticeFollow.objects.create(
        notice=NoticeFactory(title="Avis suivi par Paul"), user=members["partner"]
    )
    request = RequestFactory().get("/membres/")
    request.user = members["partner"]
    html = render_to_string(section.template, section.context(request, None))
    assert "Mes avis de marché suivis" in html
    assert "Avis suivi par Paul" in html
