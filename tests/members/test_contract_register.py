"""The register's contract: the buyer chosen from the directory's public buyers (or written when it
is not there), the procurement watch's notice (a BOAMP identifier or an address, validated, shown
as a link), the contract's documents (members-only Wagtail documents) and its whole history."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction

import pytest

from core.network import NETWORK
from members.contracts import BOAMP_NOTICE_URL, notice_link, parse_notice
from members.documents import COLLECTION_NAME
from members.models import Contract, ContractChange, ContractDocument, ContractTerritory

from .conftest import MONTPELLIER_EPCI, PASSWORD, SETE_EPCI

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordination_client(client, coordinator, verified_login):
    verified_login(client, coordinator)
    return client


def contract_data(**extra):
    return {
        "title": "Restauration collective des collèges",
        "buyer_choice": "",
        "buyer": "",
        "status": "preparation",
        "territories": [MONTPELLIER_EPCI],
        **extra,
    }


def post_contract(client, **extra):
    return client.post(reverse("members:contract_add"), contract_data(**extra))


def sign_in(client, user):
    client.post(reverse("members:login"), {"username": user.username, "password": PASSWORD})


# --- Buyer --------------------------------------------------------------------------------------


def test_the_form_offers_the_directory_public_buyers_only(coordination_client, fake_reference):
    html = coordination_client.get(reverse("members:contract_add")).content.decode()
    assert "Département de l&#x27;Hérault" in html
    assert "PLIE de Montpellier" not in html  # a facilitator, not a buyer


def test_a_buyer_chosen_from_the_directory(coordination_client, fake_reference):
    response = post_contract(coordination_client, buyer_choice="12")
    assert response.status_code == 302
    contract = Contract.objects.get()
    assert (contract.buyer_structure_id, contract.buyer) == (12, "Département de l'Hérault")
    form = coordination_client.get(reverse("members:contract_edit", kwargs={"pk": contract.pk}))
    assert '<option value="12" selected>' in form.content.decode()


def test_a_buyer_not_in_the_directory_is_written(coordination_client, fake_reference):
    post_contract(coordination_client, buyer="Université de Montpellier")
    contract = Contract.objects.get()
    assert (contract.buyer_structure_id, contract.buyer) == (None, "Université de Montpellier")


def test_changing_from_a_directory_buyer_to_a_written_one(coordination_client, fake_reference):
    post_contract(coordination_client, buyer_choice="12")
    contract = Contract.objects.get()
    coordination_client.post(
        reverse("members:contract_edit", kwargs={"pk": contract.pk}),
        contract_data(buyer="Université de Montpellier"),
    )
    contract.refresh_from_db()
    assert (contract.buyer_structure_id, contract.buyer) == (None, "Université de Montpellier")
    assert ContractChange.objects.order_by("-pk").first().description == "Modifié\u00a0: acheteur."


def test_no_buyer_or_an_unknown_one_is_refused_in_french(coordination_client, fake_reference):
    response = post_contract(coordination_client)
    assert "Choisissez l&#x27;acheteur dans l&#x27;annuaire ou écrivez son nom." in (
        response.content.decode()
    )
    response = post_contract(coordination_client, buyer_choice="999")
    assert "Cet acheteur n&#x27;est pas dans l&#x27;annuaire." in response.content.decode()
    assert not Contract.objects.exists()


# --- Notice -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("", ("", "")),
        ("  26-85007 ", ("26-85007", "")),
        ("https://mics34.example.org/veille-marches/avis/26-85007/", ("26-85007", "")),
        ("https://mics34.example.org/veille-marches/avis/26-85007/?x=1#suivi", ("26-85007", "")),
        (
            "https://www.marches-publics.gouv.fr/consultation/123",
            ("", "https://www.marches-publics.gouv.fr/consultation/123"),
        ),
    ],
)
def test_parse_notice(typed, expected):
    assert parse_notice(typed) == expected


@pytest.mark.parametrize("typed", ["avis du 12 mai", "26-", "javascript:alert(1)", "ftp://x.org/a"])
def test_a_malformed_notice_is_refused_in_french(coordination_client, fake_reference, typed):
    response = post_contract(coordination_client, buyer="Région", notice=typed)
    assert response.status_code == 200
    assert "Indiquez l&#x27;identifiant BOAMP de l&#x27;avis (exemple\u00a0: 26-12345)" in (
        response.content.decode()
    )
    assert not Contract.objects.exists()


def test_the_notice_links_to_the_watch_or_the_boamp():
    contract = Contract(title="X", buyer="Y", notice_id="26-85007")
    assert notice_link(contract, watch_url="/veille-marches/") == "/veille-marches/avis/26-85007/"
    assert notice_link(contract, watch_url="") == BOAMP_NOTICE_URL.format("26-85007")
    assert notice_link(Contract(notice_url="https://example.org/a")) == "https://example.org/a"
    assert notice_link(Contract()) is None


def test_the_contract_page_shows_the_notice_as_a_link(coordination_client, fake_reference):
    post_contract(coordination_client, buyer="Région", notice="26-85007")
    contract = Contract.objects.get()
    assert contract.notice_id == "26-85007"
    page = coordination_client.get(reverse("members:contract", kwargs={"pk": contract.pk}))
    html = page.content.decode()
    assert f'href="{notice_link(contract)}"' in html
    assert "Voir l'avis 26-85007" in html


# --- Documents ----------------------------------------------------------------------------------


@pytest.fixture
def contract(db):
    contract = Contract.objects.create(title="Nettoyage des bâtiments de l'État", buyer="État")
    ContractTerritory.objects.create(contract=contract, territory_code=MONTPELLIER_EPCI)
    return contract


def upload(client, contract, name="cctp.pdf", content=b"%PDF-1.4 cahier des clauses", title="CCTP"):
    return client.post(
        reverse("members:contract_document_add", kwargs={"pk": contract.pk}),
        {"title": title, "file": SimpleUploadedFile(name, content)},
    )


def test_a_document_attached_to_a_contract_is_members_only(
    coordination_client, client, contract, fake_reference, facilitator, make_member
):
    response = upload(coordination_client, contract)
    assert response.status_code == 302
    attached = ContractDocument.objects.get()
    document = attached.document
    assert document.collection.name == COLLECTION_NAME
    restriction = CollectionViewRestriction.objects.get(collection=document.collection)
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert list(restriction.groups.values_list("name", flat=True)) == [NETWORK]
    assert ContractChange.objects.get().description == "Document ajouté\u00a0: CCTP."

    url = reverse(
        "members:contract_document", kwargs={"pk": contract.pk, "document_pk": attached.pk}
    )
    page = coordination_client.get(reverse("members:contract", kwargs={"pk": contract.pk}))
    assert f'href="{url}"' in page.content.decode()

    reader = client.__class__()
    sign_in(reader, facilitator)  # Montpellier's facilitator sees the contract and its document
    served = reader.get(url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"%PDF-1.4 cahier des clauses"

    other = client.__class__()
    sign_in(other, make_member("sam", "facilitator", [SETE_EPCI]))
    assert other.get(url).status_code == 404
    assert upload(other, contract).status_code == 404

    home = other.get(reverse("members:home")).content.decode()
    assert "CCTP" not in home  # not among the members' latest documents

    anonymous = client.__class__()
    assert anonymous.get(url).status_code == 302
    assert anonymous.get(document.url).status_code != 200  # Wagtail's own address: restricted
    assert ContractDocument.objects.count() == 1


def test_the_territory_facilitator_may_attach_a_document(
    client, facilitator, contract, fake_reference
):
    sign_in(client, facilitator)
    assert upload(client, contract).status_code == 302
    assert ContractDocument.objects.get().added_by == facilitator


def test_a_plain_member_of_the_territory_may_not_attach(
    client, make_member, contract, fake_reference
):
    sign_in(client, make_member("noa", "network", [MONTPELLIER_EPCI]))
    assert client.get(reverse("members:contract", kwargs={"pk": contract.pk})).status_code == 200
    assert upload(client, contract).status_code == 404
    assert not ContractDocument.objects.exists()


def test_a_bad_document_is_refused_in_french_and_nothing_is_saved(
    coordination_client, contract, fake_reference
):
    response = upload(coordination_client, contract, name="virus.exe")
    assert response.status_code == 400
    assert "Ce format de fichier n&#x27;est pas accepté." in response.content.decode()
    response = upload(coordination_client, contract, title="")
    assert "Indiquez le titre du document." in response.content.decode()
    response = upload(coordination_client, contract, content=b"")
    assert "Ce fichier est vide." in response.content.decode()
    assert not ContractDocument.objects.exists()
    assert not get_document_model().objects.exists()
    assert not ContractChange.objects.exists()


# --- History ------------------------------------------------------------------------------------


def test_the_whole_history_of_a_contract(
    coordination_client, client, contract, fake_reference, make_member, coordinator
):
    for n in range(12):
        ContractChange.objects.create(contract=contract, user=coordinator, description=f"Étape {n}")
    page = coordination_client.get(reverse("members:contract", kwargs={"pk": contract.pk}))
    html = page.content.decode()
    assert "Étape 11" in html and "Étape 1<" not in html
    history_url = reverse("members:contract_history", kwargs={"pk": contract.pk})
    assert f'href="{history_url}"' in html
    history = coordination_client.get(history_url).content.decode()
    assert all(f"Étape {n}<" in history for n in range(12))
    assert "Claire" in history
    other = client.__class__()
    sign_in(other, make_member("sam", "facilitator", [SETE_EPCI]))
    assert other.get(history_url).status_code == 404
