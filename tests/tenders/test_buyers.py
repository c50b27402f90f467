""" "Les acheteurs à rencontrer" for the network's members: the buyers of the member's territories
(or a chosen one) whose notices above the EU thresholds carry no social consideration, counted
over 12 months, exported to CSV with formulas neutralised; reached from the members' home, never
by visitors (redirected to the sign-in) nor by signed-in non-members (404)."""

import csv
import datetime
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.utils import timezone

import pytest

from core import network
from core.network import FACILITATORS, NETWORK, Membership
from tenders.buyers import buyers_to_meet, safe_cell
from tenders.factories import NoticeFactory
from tenders.members import members_section

SETE = "34301"
MONTPELLIER = "34172"
BEZIERS = "34032"
SETE_AGGLO = "200066355"
METROPOLE = "243400017"


def notice(buyer, commune, days=10, **fields):
    values = {"above_eu_threshold": True, "has_social_consideration": False}
    values.update(fields)
    return NoticeFactory(
        buyer_name=buyer,
        commune_code=commune,
        published_on=timezone.localdate() - datetime.timedelta(days=days),
        **values,
    )


@pytest.fixture
def notices(db, herault, watch_page):
    notice("Ville de Sète", SETE, lacks_required_consideration=True)
    notice("Ville de Sète", SETE)
    notice("Ville de Sète", SETE, has_social_consideration=True)
    notice("Ville de Sète", SETE, above_eu_threshold=False)
    notice("Ville de Sète", SETE, days=400)
    notice("Ville de Sète", SETE, state="annule")
    notice("Métropole", MONTPELLIER)
    notice("Ville de Béziers", BEZIERS)
    notice("Département", "")
    notice('=HYPERLINK("http://x")', "")
    return watch_page


@pytest.fixture
def people(db, monkeypatch):
    def make(username, group, codes, coordination=False):
        user = get_user_model().objects.create_user(username, password="x")
        user.groups.add(Group.objects.get_or_create(name=group)[0])
        known[user.pk] = Membership(territory_codes=frozenset(codes), coordination=coordination)
        return user

    known = {}
    monkeypatch.setattr(network, "_provider", lambda user: known.get(user.pk))
    return {
        "sete": make("sete", FACILITATORS, [SETE_AGGLO]),
        "partner": make("partner", NETWORK, []),
        "outsider": get_user_model().objects.create_user("outsider", password="x"),
    }


def url(page, query=""):
    return f"{page.url}acheteurs-a-rencontrer/{query}"


def test_the_count_per_buyer_takes_notices_above_the_thresholds_without_consideration(notices):
    rows = {row["buyer_name"]: row for row in buyers_to_meet()}
    sete = rows["Ville de Sète"]
    # Not counted: a social consideration, below the thresholds, older than 12 months, cancelled.
    assert (sete["missing"], sete["required"], sete["above"], sete["total"]) == (2, 1, 4, 5)
    assert set(rows) == {
        "Ville de Sète",
        "Métropole",
        "Ville de Béziers",
        "Département",
        '=HYPERLINK("http://x")',
    }
    assert next(iter(rows)) == "Ville de Sète"


def test_a_facilitator_sees_the_buyers_of_their_territories_by_default(client, notices, people):
    client.force_login(people["sete"])
    response = client.get(url(notices))
    assert response.status_code == 200
    names = [row["buyer_name"] for row in response.context["rows"]]
    # Sète's, and the département-wide ones (no commune): not Montpellier's nor Béziers'.
    assert names == ["Ville de Sète", '=HYPERLINK("http://x")', "Département"]
    assert "CA Sète Agglopôle Méditerranée" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_another_territory_or_the_whole_herault_can_be_chosen(client, notices, people):
    client.force_login(people["sete"])
    rows = client.get(url(notices, f"?territoire={METROPOLE}")).context["rows"]
    assert {row["buyer_name"] for row in rows} == {
        "Métropole",
        "Département",
        '=HYPERLINK("http://x")',
    }
    rows = client.get(url(notices, "?territoire=tous")).context["rows"]
    assert len(rows) == 5


def test_a_member_without_territory_sees_the_whole_herault(client, notices, people):
    client.force_login(people["partner"])
    assert len(client.get(url(notices)).context["rows"]) == 5


def test_a_malformed_territory_gives_a_french_message_and_the_members_territories(
    client, notices, people
):
    client.force_login(people["sete"])
    response = client.get(url(notices, "?territoire=%3Cscript%3E"))
    assert response.status_code == 200
    html = response.content.decode().replace("&#x27;", "'")
    assert "n'est ni une commune ni une intercommunalité de l'Hérault" in html
    assert response.context["rows"][0]["buyer_name"] == "Ville de Sète"


def test_the_csv_export_follows_the_territory_and_neutralises_formulas(client, notices, people):
    client.force_login(people["sete"])
    response = client.get(url(notices, f"?territoire={SETE}&format=csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Acheteur", "SIRET", "Avis sans considération sociale"]
    assert rows[1][0] == "Ville de Sète" and rows[1][2:6] == ["2", "1", "4", "5"]
    assert '\'=HYPERLINK("http://x")' in [row[0] for row in rows]


def test_safe_cell_neutralises_every_formula_start():
    assert [safe_cell(v) for v in ["=1", "+1", "-1", "@A", "\tx", "ok", 3]] == [
        "'=1",
        "'+1",
        "'-1",
        "'@A",
        "'\tx",
        "ok",
        3,
    ]


def test_visitors_are_sent_to_the_sign_in(client, notices):
    response = client.get(url(notices))
    assert response.status_code == 302
    assert "next=" in response["Location"]
    assert client.get(url(notices, "?format=csv")).status_code == 302


def test_a_signed_in_non_member_gets_a_404(client, notices, people):
    client.force_login(people["outsider"])
    assert client.get(url(notices)).status_code == 404
    assert client.get(url(notices, "?format=csv")).status_code == 404


def test_the_members_home_links_to_the_buyers_of_the_members_territories(notices, people):
    request = RequestFactory().get("/espace-reseau/")
    request.user = people["sete"]
    context = members_section(request, None)
    assert context["buyers_url"] == url(notices)
    assert context["buyers_count"] == 3 and context["buyers_own"]
