"""The DECP importer against a local server replaying recorded files (recordings/decp/): the
nested and flat JSON shapes and the consolidated CSV, the Hérault's buyers only, idempotence on the
buyer and the contract's id, bad records reported in French, and files that cannot be had or read
leaving nothing written."""

import datetime
from decimal import Decimal
from io import StringIO

from django.core.management import CommandError, call_command
from django.db import IntegrityError

import pytest

from tenders.decp import DecpClient, DecpError, buyer_kind, read_file
from tenders.decp_import import run_decp_import
from tenders.factories import NoticeFactory
from tenders.models import BuyerKind, Contract, DecpImportRun

pytestmark = pytest.mark.django_db


def test_the_nested_file_is_read_whole(decp_server, decp_client):
    run = run_decp_import(decp_server.url("decp-2025.json"), client=decp_client)
    assert run.status == DecpImportRun.Status.DONE
    assert (run.records, run.created, run.outside, run.skipped) == (8, 5, 1, 2)
    contract = Contract.objects.get(contract_id="2025M0012")
    assert contract.buyer_siret == "24340001700013"
    assert contract.buyer_kind == BuyerKind.EPCI
    assert (contract.cpv_code, contract.cpv_division) == ("77310000", "77")
    assert contract.amount == Decimal("180000")
    assert contract.notified_on == datetime.date(2025, 3, 10)
    assert contract.year == 2025
    assert (contract.place_code, contract.place_type) == ("34172", "Code commune")
    assert contract.social_considerations == ["Clause sociale"]
    assert contract.has_social_consideration and contract.has_social_clause
    assert not contract.has_social_criterion and not contract.is_reserved
    assert contract.raw_record["titulaires"][0]["titulaire"]["id"] == "41234567800011"


def test_each_kind_of_social_consideration_is_kept(decp_server, decp_client):
    run_decp_import(decp_server.url("decp-2025.json"), client=decp_client)
    both = Contract.objects.get(contract_id="2025-DEP-044")
    assert both.social_considerations == ["Clause sociale", "Critère social"]
    assert both.has_social_clause and both.has_social_criterion
    assert both.buyer_kind == BuyerKind.DEPARTMENT
    reserved = Contract.objects.get(contract_id="2025-CHU-3")
    assert reserved.is_reserved and reserved.has_social_consideration
    assert reserved.buyer_kind == BuyerKind.HOSPITAL
    none = Contract.objects.get(contract_id="24-0087")
    assert none.social_considerations == ["Pas de considération sociale"]
    assert not none.has_social_consideration
    assert none.buyer_kind == BuyerKind.COMMUNE


def test_a_concession_is_read_with_its_own_names(decp_server, decp_client):
    run_decp_import(decp_server.url("decp-2025.json"), client=decp_client)
    concession = Contract.objects.get(contract_id="2025-DSP-1")
    assert concession.buyer_siret == "21340172900018"
    assert concession.amount == Decimal("2500000")
    assert concession.notified_on == datetime.date(2025, 7, 1)
    assert concession.nature == "Concession de service public"
    assert concession.has_social_clause


def test_a_buyer_outside_the_herault_is_not_kept(decp_server, decp_client):
    run_decp_import(decp_server.url("decp-2025.json"), client=decp_client)
    assert not Contract.objects.filter(buyer_siret="21310555400017").exists()


def test_bad_records_are_reported_in_french_and_skipped(decp_server, decp_client):
    run = run_decp_import(decp_server.url("decp-2025.json"), client=decp_client)
    assert any(
        "2025-SANS-DATE" in p and "date de notification manquante" in p for p in run.problems
    )
    assert any(
        "2025-VERT" in p
        and "considération sociale inconnue «\u00a0Clause environnementale\u00a0»" in p
        for p in run.problems
    )
    assert not Contract.objects.filter(contract_id__in=["2025-SANS-DATE", "2025-VERT"]).exists()


def test_a_second_run_changes_nothing(decp_server, decp_client):
    run_decp_import(decp_server.url("decp-2025.json"), client=decp_client)
    before = list(Contract.objects.values_list("pk", "updated_at").order_by("pk"))
    run = run_decp_import(decp_server.url("decp-2025.json"), client=decp_client)
    assert (run.created, run.changed, run.unchanged) == (0, 0, 5)
    assert list(Contract.objects.values_list("pk", "updated_at").order_by("pk")) == before


def test_the_flat_shape_is_read_and_updates_a_known_contract(decp_server, decp_client):
    run_decp_import(decp_server.url("decp-2025.json"), client=decp_client)
    run = run_decp_import(decp_server.url("decp-flat.json"), client=decp_client)
    assert (run.created, run.changed) == (1, 1)
    new = Contract.objects.get(contract_id="2025-AGG-19")
    assert new.social_considerations == ["Clause sociale", "Marché réservé"]
    assert new.is_reserved and new.has_social_clause
    changed = Contract.objects.get(contract_id="2025M0012")
    assert changed.amount == Decimal("195000")
    assert changed.has_social_criterion
    assert Contract.objects.filter(contract_id="2025M0012").count() == 1


def test_the_consolidated_csv_is_read_with_the_buyers_department(decp_server, decp_client):
    run = run_decp_import(decp_server.url("decp-consolidated.csv"), client=decp_client)
    assert (run.records, run.created, run.outside, run.skipped) == (5, 3, 1, 1)
    hospital = Contract.objects.get(contract_id="2025-CHB-8")
    assert hospital.buyer_name == "Centre hospitalier de Béziers"
    assert hospital.buyer_kind == BuyerKind.HOSPITAL
    assert hospital.social_considerations == ["Clause sociale", "Critère social"]
    assert Contract.objects.get(contract_id="2025-HH-31").buyer_kind == BuyerKind.SOCIAL_HOUSING
    assert Contract.objects.get(contract_id="2024-SETE-2").buyer_kind == BuyerKind.COMMUNE
    # The buyer's département decides, not the place of execution.
    assert not Contract.objects.filter(contract_id="2025-NIM-4").exists()
    assert any("2025-MTP-MONT" in p and "montant illisible" in p for p in run.problems)


def test_a_buyer_known_from_its_notices_gives_its_name(decp_server, decp_client):
    NoticeFactory(buyer_siret="20001087400011", buyer_name="Hérault Méditerranée Agglomération")
    run_decp_import(decp_server.url("decp-flat.json"), client=decp_client)
    contract = Contract.objects.get(contract_id="2025-AGG-19")
    assert contract.buyer_name == "Hérault Méditerranée Agglomération"
    assert contract.buyer_kind == BuyerKind.EPCI


def test_a_truncated_file_writes_nothing(decp_server, decp_client):
    run = run_decp_import(decp_server.url("decp-truncated.json"), client=decp_client)
    assert run.status == DecpImportRun.Status.FAILED
    assert "pas du JSON valide" in run.error and "Rien n'a été écrit" in run.error
    assert not Contract.objects.exists()


def test_an_unexpected_shape_gives_a_french_error(decp_server, decp_client):
    run = run_decp_import(decp_server.url("decp-unexpected.json"), client=decp_client)
    assert run.status == DecpImportRun.Status.FAILED
    assert "n'a pas la forme attendue" in run.error


def test_a_file_that_is_neither_json_nor_csv_gives_a_french_error():
    with pytest.raises(DecpError, match="ni du JSON ni un CSV consolidé"):
        read_file("<html>Maintenance</html>", "text/html")


def test_a_server_error_is_retried(decp_server, decp_client):
    decp_server.faults["decp-2025.json"] = [503, 429]
    run = run_decp_import(decp_server.url("decp-2025.json"), client=decp_client)
    assert run.status == DecpImportRun.Status.DONE
    assert Contract.objects.count() == 5


def test_an_error_that_lasts_writes_nothing(decp_server, decp_client):
    decp_server.faults["decp-2025.json"] = [500, 500, 500]
    run = run_decp_import(decp_server.url("decp-2025.json"), client=decp_client)
    assert run.status == DecpImportRun.Status.FAILED
    assert "erreur 500" in run.error
    assert not Contract.objects.exists()


def test_a_slow_answer_times_out_with_a_french_error(decp_server, decp_client):
    decp_server.faults["decp-2025.json"] = ["slow", "slow", "slow"]
    run = run_decp_import(decp_server.url("decp-2025.json"), client=decp_client)
    assert "n'a pas répondu à temps" in run.error


def test_an_unreachable_server_gives_a_french_error():
    client = DecpClient(timeout=0.5, retries=0, backoff=0)
    run = run_decp_import("http://127.0.0.1:9/decp.json", client=client)
    assert "injoignable" in run.error


def test_a_failure_while_writing_leaves_nothing_half_written(decp_server, decp_client, monkeypatch):
    create = Contract.objects.create
    calls = []

    def failing_create(**values):
        calls.append(values["contract_id"])
        if len(calls) == 3:
            raise IntegrityError("disque plein")
        return create(**values)

    monkeypatch.setattr(Contract.objects, "create", failing_create)
    with pytest.raises(IntegrityError):
        run_decp_import(decp_server.url("decp-2025.json"), client=decp_client)
    assert len(calls) == 3
    assert not Contract.objects.exists()
    run = DecpImportRun.objects.get()
    assert run.status == DecpImportRun.Status.FAILED
    assert "rien n'a été écrit" in run.error


def test_the_command_imports_and_summarises_in_french(decp_server, settings):
    settings.BOAMP_API_RETRIES = 0
    out = StringIO()
    call_command(
        "import_decp", "--url", decp_server.url("decp-2025.json"), stdout=out, stderr=StringIO()
    )
    assert "8 marché(s) lu(s)\u00a0: 5 nouveaux" in out.getvalue()
    assert "1 hors Hérault, 2 écartés" in out.getvalue()


def test_the_command_fails_with_the_french_reason(decp_server, settings):
    settings.BOAMP_API_RETRIES = 0
    with pytest.raises(CommandError, match="Import DECP arrêté.*pas du JSON valide"):
        call_command("import_decp", "--url", decp_server.url("decp-truncated.json"))


def test_the_command_needs_an_address(settings):
    settings.DECP_URL = ""
    with pytest.raises(CommandError, match="Aucune adresse de fichier DECP"):
        call_command("import_decp")


@pytest.mark.parametrize(
    ("name", "siret", "kind"),
    [
        ("Préfecture de l'Hérault", "13000000000000", BuyerKind.STATE),
        ("Direction départementale des territoires", "", BuyerKind.STATE),
        ("Région Occitanie", "20005379100016", BuyerKind.REGION),
        ("", "23340000000000", BuyerKind.REGION),
        ("Sète Agglopôle Méditerranée", "", BuyerKind.EPCI),
        ("", "20001087400011", BuyerKind.OTHER),
        ("Association des amis du quai", "77777777700000", BuyerKind.OTHER),
    ],
)
def test_the_kind_of_buyer_comes_from_its_name_then_its_siren(name, siret, kind):
    assert buyer_kind(name, siret) == kind
