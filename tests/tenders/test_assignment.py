"""Assignment by territory: a notice is offered to the facilitators whose territories cover its
commune first; the coordination may choose any facilitator, a facilitator only those of the
notice's territory (or any, when none covers it), and a forged choice is refused in French."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from core import network
from core.network import COORDINATION, FACILITATORS, Membership
from tenders.factories import NoticeFactory
from tenders.models import NoticeAssignment
from tenders.network import facilitator_choices

SETE = "34301"
LUNEL = "34145"
SETE_AGGLO = "200066355"
METROPOLE = "243400017"


@pytest.fixture
def people(db, herault, monkeypatch):
    known = {}

    def make(username, first_name, groups, codes, coordination=False):
        user = get_user_model().objects.create_user(
            username, password="x", first_name=first_name, last_name="Test"
        )
        for group in groups:
            user.groups.add(Group.objects.get_or_create(name=group)[0])
        known[user.pk] = Membership(territory_codes=frozenset(codes), coordination=coordination)
        return user

    monkeypatch.setattr(network, "_provider", lambda user: known.get(user.pk))
    return {
        "sete": make("sete", "Salomé", [FACILITATORS], [SETE_AGGLO]),
        "sete_town": make("sete2", "Sacha", [FACILITATORS], [SETE]),
        "metropole": make("metro", "Mona", [FACILITATORS], [METROPOLE]),
        "coordination": make("coord", "Claire", [COORDINATION], [], coordination=True),
    }


@pytest.fixture
def sete_notice(watch_page):
    notice = NoticeFactory(idweb="26-72000", commune_code=SETE, buyer_name="Ville de Sète")
    notice.page_url = f"{watch_page.url}avis/{notice.idweb}/"
    return notice


def names(users):
    return [user.first_name for user in users]


def test_the_coordination_sees_the_territorys_facilitators_first_then_all(people, sete_notice):
    local, others = facilitator_choices(sete_notice, people["coordination"])
    assert names(local) == ["Sacha", "Salomé"]
    assert names(others) == ["Mona"]


def test_a_facilitator_is_offered_only_the_facilitators_of_the_notices_territory(
    people, sete_notice
):
    local, others = facilitator_choices(sete_notice, people["metropole"])
    assert names(local) == ["Sacha", "Salomé"] and others == []


def test_a_notice_no_facilitator_covers_is_offered_to_every_facilitator(people, watch_page):
    lunel = NoticeFactory(commune_code=LUNEL)
    wide = NoticeFactory(commune_code="")
    for notice in (lunel, wide):
        local, others = facilitator_choices(notice, people["sete"])
        assert local == [] and names(others) == ["Mona", "Sacha", "Salomé"]


def test_the_notice_page_groups_the_facilitators_of_its_territory(client, people, sete_notice):
    client.force_login(people["coordination"])
    html = client.get(sete_notice.page_url).content.decode()
    local = html.index("Facilitateurs du territoire (Sète)")
    other = html.index("Autres facilitateurs")
    assert local < html.index("Salomé Test") < other < html.index("Mona Test")


def test_a_facilitator_cannot_assign_outside_the_territory_by_a_forged_post(
    client, people, sete_notice
):
    client.force_login(people["sete"])
    response = client.post(
        sete_notice.page_url + "attribuer/",
        {"facilitator": people["metropole"].pk},
        follow=True,
    )
    html = response.content.decode().replace("&#x27;", "'")
    assert "Ce facilitateur ne couvre pas le territoire de cet avis" in html
    assert not NoticeAssignment.objects.exists()
    client.post(sete_notice.page_url + "attribuer/", {"facilitator": people["sete"].pk})
    assert NoticeAssignment.objects.get().facilitator == people["sete"]


def test_the_coordination_assigns_to_a_facilitator_of_another_territory(
    client, people, sete_notice
):
    client.force_login(people["coordination"])
    client.post(sete_notice.page_url + "attribuer/", {"facilitator": people["metropole"].pk})
    assert NoticeAssignment.objects.get().facilitator == people["metropole"]
