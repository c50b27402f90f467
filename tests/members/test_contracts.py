"""The register of multi-territorial contracts: who sees and changes what (a facilitator of one
territory cannot read or change another's: 404), hours with bad input refused in French and
nothing half-saved, the history, filters and exports."""

import io

from django.urls import reverse

import pytest
from openpyxl import load_workbook

from members.contracts import hours_totals
from members.models import Contract, ContractChange, ContractTerritory, HoursRecord

from .conftest import MONTPELLIER_EPCI, PASSWORD, SETE_EPCI, confirmed_device, totp_code

pytestmark = pytest.mark.django_db


def sign_in(client, user, device=None):
    client.post(reverse("members:login"), {"username": user.username, "password": PASSWORD})
    if device is not None:
        client.post(reverse("members:twofactor_verify"), {"code": totp_code(device)})


@pytest.fixture
def coordination_client(client, coordinator):
    sign_in(client, coordinator, confirmed_device(coordinator))
    return client


@pytest.fixture
def contracts(db):
    montpellier = Contract.objects.create(
        title="Nettoyage des bâtiments de l'État", buyer="Préfecture de l'Hérault", status="running"
    )
    montpellier_territory = ContractTerritory.objects.create(
        contract=montpellier, territory_code=MONTPELLIER_EPCI
    )
    sete = Contract.objects.create(title="Entretien des espaces verts du port", buyer="Région")
    sete_territory = ContractTerritory.objects.create(contract=sete, territory_code=SETE_EPCI)
    return {
        "montpellier": montpellier,
        "sete": sete,
        "montpellier_territory": montpellier_territory,
        "sete_territory": sete_territory,
    }


def hours_url(contract, territory):
    return reverse(
        "members:contract_hours", kwargs={"pk": contract.pk, "territory_pk": territory.pk}
    )


def test_coordination_creates_a_contract_and_it_is_logged(coordination_client, fake_reference):
    response = coordination_client.post(
        reverse("members:contract_add"),
        {
            "title": "Restauration collective des lycées",
            "buyer": "Région Occitanie",
            "lots": "Lot 1 : Montpellier\nLot 2 : Sète",
            "start_date": "2027-01-01",
            "end_date": "2029-12-31",
            "notice_url": "",
            "status": "preparation",
            "territories": [MONTPELLIER_EPCI, SETE_EPCI],
        },
    )
    contract = Contract.objects.get()
    assert response["Location"] == reverse("members:contract", kwargs={"pk": contract.pk})
    assert sorted(contract.territories.values_list("territory_code", flat=True)) == sorted(
        [MONTPELLIER_EPCI, SETE_EPCI]
    )
    assert ContractChange.objects.get().description == "Marché créé."
    page = coordination_client.get(response["Location"]).content.decode()
    assert "Montpellier Méditerranée Métropole" in page and "Sète Agglopôle" in page


def test_contract_form_refuses_bad_dates(coordination_client, fake_reference):
    response = coordination_client.post(
        reverse("members:contract_add"),
        {
            "title": "X",
            "buyer": "Y",
            "start_date": "2027-05-01",
            "end_date": "2027-01-01",
            "status": "running",
            "territories": [MONTPELLIER_EPCI],
        },
    )
    assert response.status_code == 200
    assert "La fin ne peut pas précéder le début." in response.content.decode()
    response = coordination_client.post(
        reverse("members:contract_add"),
        {"title": "X", "buyer": "Y", "start_date": "31/31/2027", "status": "running"},
    )
    assert "Indiquez une date valide." in response.content.decode()
    assert not Contract.objects.exists()


def test_a_facilitator_sees_only_the_contracts_of_their_territories(
    client, facilitator, contracts, fake_reference
):
    sign_in(client, facilitator)
    listing = client.get(reverse("members:contracts")).content.decode()
    assert "Nettoyage des bâtiments" in listing
    assert "Entretien des espaces verts" not in listing
    other = reverse("members:contract", kwargs={"pk": contracts["sete"].pk})
    assert client.get(other).status_code == 404
    response = client.post(
        hours_url(contracts["sete"], contracts["sete_territory"]),
        {"year": 2026, "targeted": 100, "achieved": 10},
    )
    assert response.status_code == 404
    assert not HoursRecord.objects.exists()
    home = client.get(reverse("members:home")).content.decode()
    assert "Nettoyage des bâtiments" in home and "Entretien des espaces verts" not in home


def test_a_facilitator_enters_the_hours_of_their_territory(
    client, facilitator, contracts, fake_reference
):
    sign_in(client, facilitator)
    url = hours_url(contracts["montpellier"], contracts["montpellier_territory"])
    response = client.post(url, {"year": 2026, "targeted": 1200, "achieved": 450})
    assert response.status_code == 302
    record = HoursRecord.objects.get()
    assert (record.year, record.targeted, record.achieved) == (2026, 1200, 450)
    client.post(url, {"year": 2026, "targeted": 1200, "achieved": 600})
    record.refresh_from_db()
    assert record.achieved == 600
    change = ContractChange.objects.first()
    assert change.user == facilitator
    assert "réalisées 600" in change.description and "450" in change.description
    assert hours_totals() == {MONTPELLIER_EPCI: (1200, 600)}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"year": 2026, "targeted": 10, "achieved": -5}, "ne peuvent pas être négatives"),
        ({"year": 2026, "targeted": 10, "achieved": 2_000_000}, "vérifiez la saisie"),
        ({"year": 2026, "targeted": "beaucoup", "achieved": 1}, "s’écrivent en chiffres"),
        ({"year": "vingt", "targeted": 1, "achieved": 1}, "L’année s’écrit en chiffres"),
    ],
)
def test_bad_hours_are_refused_in_french(
    client, facilitator, contracts, fake_reference, data, message
):
    sign_in(client, facilitator)
    url = hours_url(contracts["montpellier"], contracts["montpellier_territory"])
    response = client.post(url, data)
    assert response.status_code == 400
    content = response.content.decode().replace("&#x27;", "’").replace("'", "’")
    assert message in content
    assert not HoursRecord.objects.exists()
    assert not ContractChange.objects.exists()


def test_a_member_who_is_not_a_facilitator_reads_but_cannot_change(
    client, make_member, contracts, fake_reference
):
    partner = make_member("paul", "network", [MONTPELLIER_EPCI])
    sign_in(client, partner)
    detail = client.get(reverse("members:contract", kwargs={"pk": contracts["montpellier"].pk}))
    assert detail.status_code == 200
    assert "Saisir les heures" not in detail.content.decode()
    response = client.post(
        hours_url(contracts["montpellier"], contracts["montpellier_territory"]),
        {"year": 2026, "targeted": 1, "achieved": 1},
    )
    assert response.status_code == 404


def test_only_the_coordination_creates_contracts_and_names_facilitators(
    client, facilitator, contracts
):
    sign_in(client, facilitator)
    assert client.get(reverse("members:contract_add")).status_code == 403
    url = reverse(
        "members:contract_facilitator",
        kwargs={
            "pk": contracts["montpellier"].pk,
            "territory_pk": contracts["montpellier_territory"].pk,
        },
    )
    assert client.post(url, {"facilitator": facilitator.pk}).status_code == 403


def test_the_coordination_names_the_lead_facilitator(
    coordination_client, facilitator, contracts, fake_reference
):
    territory = contracts["sete_territory"]
    url = reverse(
        "members:contract_facilitator",
        kwargs={"pk": contracts["sete"].pk, "territory_pk": territory.pk},
    )
    coordination_client.post(url, {"facilitator": facilitator.pk})
    territory.refresh_from_db()
    assert territory.facilitator == facilitator
    assert "Facilitateur référent de Sète Agglopôle Méditerranée" in (
        ContractChange.objects.get().description
    )
    # Now the lead facilitator of Sète's territory too: they see it.
    coordination_client.logout()
    coordination_client.post(reverse("members:login"), {"username": "fanny", "password": PASSWORD})
    assert (
        coordination_client.get(
            reverse("members:contract", kwargs={"pk": contracts["sete"].pk})
        ).status_code
        == 200
    )
    bad = coordination_client.post(url, {"facilitator": "999999"})
    assert bad.status_code in (302, 403)


def test_the_coordination_sees_everything_filters_and_exports(
    coordination_client, contracts, fake_reference
):
    HoursRecord.objects.create(
        territory=contracts["montpellier_territory"], year=2026, targeted=800, achieved=300
    )
    listing = coordination_client.get(reverse("members:contracts")).content.decode()
    assert "Nettoyage des bâtiments" in listing and "Entretien des espaces verts" in listing
    filtered = coordination_client.get(reverse("members:contracts"), {"territoire": SETE_EPCI})
    assert "Nettoyage des bâtiments" not in filtered.content.decode()
    malformed = coordination_client.get(
        reverse("members:contracts") + "?etat=zzz&territoire=%00&territoire=1&q=%ff"
    )
    assert malformed.status_code == 200
    assert "Cet état n’existe pas" in malformed.content.decode().replace("'", "’").replace(
        "&#x27;", "’"
    )
    csv = coordination_client.get(reverse("members:contracts"), {"export": "csv"})
    text = csv.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Objet;Acheteur;État")
    assert "Nettoyage des bâtiments de l'État;Préfecture de l'Hérault;En cours" in text
    assert ";2026;800;300" in text
    xlsx = coordination_client.get(
        reverse("members:contracts"), {"export": "xlsx", "etat": "running"}
    )
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "Objet" and len(rows) == 2 and rows[1][7:] == (2026, 800, 300)


def test_facilitator_exports_only_what_they_see(client, facilitator, contracts, fake_reference):
    sign_in(client, facilitator)
    text = client.get(reverse("members:contracts"), {"export": "csv"}).content.decode("utf-8-sig")
    assert "Nettoyage" in text and "Entretien des espaces verts" not in text
