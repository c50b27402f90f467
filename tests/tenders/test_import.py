"""The BOAMP importer against the local replay server: both `donnees` formats, paging, the
rectification and cancellation of earlier notices with their history, idempotence, bad records,
and API errors that leave a window unwritten (the next run resumes from it)."""

import datetime
from decimal import Decimal
from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from tenders.boamp import BoampClient, BoampError, WindowQuery
from tenders.importing import next_day_to_import, run_import
from tenders.models import ImportedWindow, ImportRun, Notice, NoticeEvent, NoticeState

pytestmark = pytest.mark.django_db

D14 = datetime.date(2026, 9, 14)
D15 = datetime.date(2026, 9, 15)
D16 = datetime.date(2026, 9, 16)


def test_a_national_notice_is_read_whole(boamp_client):
    run_import(D14, D14, client=boamp_client)
    notice = Notice.objects.get(idweb="26-85001")
    assert notice.buyer_name == "Montpellier Méditerranée Métropole"
    assert notice.buyer_siret == "24340001700013"
    assert notice.contract_kind == "SERVICES"
    assert notice.source_format == "national"
    assert notice.cpv_codes == ["77310000"]
    assert notice.estimated_value == Decimal("180000")
    assert [lot["title"] for lot in notice.lots] == ["Secteur nord", "Secteur sud"]
    assert notice.descriptors == ["Espaces verts", "Entretien"]
    assert notice.deadline == datetime.datetime(2026, 10, 15, 10, 0, tzinfo=datetime.UTC)
    assert notice.url == "https://www.boamp.fr/pages/avis/?q=idweb:%2226-85001%22"
    assert notice.raw_record["idweb"] == "26-85001"
    assert isinstance(notice.raw_record["donnees"], str)


def test_an_eforms_notice_is_read_whole(boamp_client):
    run_import(D14, D14, client=boamp_client)
    notice = Notice.objects.get(idweb="26-85002")
    assert notice.source_format == "eforms"
    assert notice.buyer_siret == "22340001700014"
    assert notice.estimated_value == Decimal("900000")
    assert notice.cpv_codes == ["90910000"]
    assert [lot["number"] for lot in notice.lots] == ["LOT-0001", "LOT-0002"]
    assert notice.is_reserved


def test_the_window_is_asked_for_the_herault_and_the_day(boamp_server, boamp_client):
    run_import(D14, D14, client=boamp_client)
    path, params = boamp_server.requests[0]
    assert path.endswith("/catalog/datasets/boamp/records")
    assert params["refine"] == "code_departement:34"
    assert params["where"] == "dateparution = date'2026-09-14'"
    assert params["limit"] == "100"


def test_bad_records_are_reported_and_skipped(boamp_client):
    run = run_import(D14, D14, client=boamp_client)
    assert run.status == ImportRun.Status.DONE
    assert run.created == 5
    assert run.skipped == 2
    assert not Notice.objects.filter(idweb__in=["26-85006", "26-85007"]).exists()
    assert any("26-85007" in p and "JSON valide" in p for p in run.problems)
    assert any("26-85006" in p and "attribution" in p for p in run.problems)


def test_a_second_run_changes_nothing(boamp_client):
    run_import(D14, D15, client=boamp_client)
    before = list(Notice.objects.values_list("idweb", "updated_at").order_by("idweb"))
    run = run_import(D14, D15, client=boamp_client)
    assert (run.created, run.changed, run.cancelled) == (0, 0, 0)
    assert run.unchanged == 7
    assert list(Notice.objects.values_list("idweb", "updated_at").order_by("idweb")) == before
    assert NoticeEvent.objects.count() == 7


def test_a_rectification_updates_the_notice_and_keeps_its_history(boamp_client):
    run_import(D14, D15, client=boamp_client)
    notice = Notice.objects.get(idweb="26-85001")
    assert notice.state == NoticeState.RECTIFIED
    assert notice.deadline == datetime.datetime(2026, 10, 22, 10, 0, tzinfo=datetime.UTC)
    # What the rectification does not restate stays as first published.
    assert notice.estimated_value == Decimal("180000")
    assert notice.has_social_consideration
    kinds = list(notice.events.values_list("idweb", "kind"))
    assert kinds == [("26-85001", "initial"), ("26-85101", "rectificatif")]
    assert "date limite" in notice.events.get(idweb="26-85101").summary
    assert not Notice.objects.filter(idweb="26-85101").exists()


def test_a_cancellation_closes_the_notice_it_concerns(boamp_client):
    run = run_import(D14, D15, client=boamp_client)
    assert run.cancelled == 1
    notice = Notice.objects.get(idweb="26-85003")
    assert notice.state == NoticeState.CANCELLED
    assert notice.title == "Travaux de requalification de la voirie du quai de Bosc"
    assert notice.events.filter(kind="annulation", idweb="26-85102").exists()


def test_a_rectification_of_an_unknown_notice_creates_it(boamp_client):
    run = run_import(D15, D15, client=boamp_client)
    assert run.created == 2
    assert Notice.objects.get(idweb="26-85003").state == NoticeState.CANCELLED
    assert Notice.objects.get(idweb="26-85001").state == NoticeState.RECTIFIED


def test_the_initial_notice_imported_after_its_rectification_keeps_the_rectified_values(
    boamp_client,
):
    run_import(D15, D15, client=boamp_client)
    run = run_import(D14, D14, client=boamp_client)
    assert run.changed == 2
    notice = Notice.objects.get(idweb="26-85001")
    assert notice.state == NoticeState.RECTIFIED
    assert notice.deadline == datetime.datetime(2026, 10, 22, 10, 0, tzinfo=datetime.UTC)
    assert notice.estimated_value == Decimal("180000")
    assert notice.has_social_consideration
    assert notice.raw_record["idweb"] == "26-85001"
    assert Notice.objects.get(idweb="26-85003").state == NoticeState.CANCELLED
    assert run_import(D14, D15, client=boamp_client).unchanged == 7


def test_a_window_over_two_pages_is_read_whole(boamp_server, boamp_client):
    run = run_import(D16, D16, client=boamp_client)
    assert run.created == 105
    offsets = [params["offset"] for _path, params in boamp_server.requests]
    assert offsets == ["0", "100"]


def test_a_window_beyond_the_paging_limit_goes_through_the_exports_endpoint(
    boamp_server, boamp_client
):
    records = boamp_client.window_records(WindowQuery(datetime.date(2026, 9, 20)))
    assert [r["idweb"] for r in records] == ["26-89000", "26-89001"]
    paths = [path for path, _params in boamp_server.requests]
    assert paths[-1].endswith("/catalog/datasets/boamp/exports/json")
    assert all(
        int(p.get("offset", 0)) + int(p.get("limit", 0)) <= 10_000
        for _x, p in boamp_server.requests
    )


def test_a_server_error_is_retried(boamp_server, boamp_client):
    boamp_server.faults[("2026-09-14", 0)] = [503, 429]
    run = run_import(D14, D14, client=boamp_client)
    assert run.status == ImportRun.Status.DONE
    assert Notice.objects.count() == 5


def test_an_error_that_lasts_leaves_the_window_unwritten(boamp_server, boamp_client):
    boamp_server.faults[("2026-09-15", 0)] = [500, 500, 500]
    run = run_import(D14, D16, client=boamp_client)
    assert run.status == ImportRun.Status.FAILED
    assert "15/09/2026" in run.error
    assert "erreur 500" in run.error
    assert run.windows_done == 1
    assert list(ImportedWindow.objects.values_list("day", flat=True)) == [D14]
    assert Notice.objects.get(idweb="26-85001").state == NoticeState.INITIAL
    assert next_day_to_import(D14) == D15


def test_an_error_mid_window_writes_none_of_it(boamp_server, boamp_client):
    boamp_server.faults[("2026-09-19", 100)] = [500, 500, 500]
    run = run_import(datetime.date(2026, 9, 19), datetime.date(2026, 9, 19), client=boamp_client)
    assert run.status == ImportRun.Status.FAILED
    assert Notice.objects.count() == 0
    assert not ImportedWindow.objects.exists()


def test_an_interrupted_run_is_resumed(boamp_server, boamp_client):
    boamp_server.faults[("2026-09-15", 0)] = [500, 500, 500]
    run_import(D14, D15, client=boamp_client)
    run = run_import(next_day_to_import(D14), D15, client=boamp_client)
    assert run.status == ImportRun.Status.DONE
    assert Notice.objects.get(idweb="26-85003").state == NoticeState.CANCELLED


def test_malformed_json_gives_a_french_error(boamp_client):
    with pytest.raises(BoampError, match="pas du JSON valide"):
        boamp_client.window_records(WindowQuery(datetime.date(2026, 9, 18)))


def test_an_html_answer_gives_a_french_error(boamp_server, boamp_client):
    boamp_server.faults[("2026-09-14", 0)] = ["garbage"]
    with pytest.raises(BoampError, match="pas du JSON valide"):
        boamp_client.window_records(WindowQuery(D14))


def test_a_slow_answer_times_out_with_a_french_error(boamp_server, boamp_client):
    boamp_server.faults[("2026-09-14", 0)] = ["slow", "slow", "slow"]
    with pytest.raises(BoampError, match="n'a pas répondu à temps"):
        boamp_client.window_records(WindowQuery(D14))


def test_an_unreachable_api_gives_a_french_error():
    client = BoampClient(base_url="http://127.0.0.1:9/api", timeout=0.5, retries=0, backoff=0)
    with pytest.raises(BoampError, match="injoignable"):
        client.window_records(WindowQuery(D14))


def test_an_unexpected_answer_gives_a_french_error(boamp_server, boamp_client):
    boamp_server.faults[("2026-09-14", 0)] = ["unexpected"]
    with pytest.raises(BoampError, match="réponse inattendue"):
        boamp_client.window_records(WindowQuery(D14))


def test_the_command_resumes_after_the_last_imported_day(boamp_server):
    ImportedWindow.objects.create(day=datetime.date(2026, 9, 13))
    out = StringIO()
    call_command("import_boamp", "--until", "2026-09-15", stdout=out, stderr=StringIO())
    assert "2 jour(s) importé(s) : 5 nouveaux" in out.getvalue()
    assert ImportedWindow.objects.filter(day=D15).exists()


def test_the_command_fails_with_the_french_reason(boamp_server):
    boamp_server.faults[("2026-09-14", 0)] = [502] * 5
    with pytest.raises(CommandError, match="Import arrêté au 14/09/2026"):
        call_command(
            "import_boamp", "--since", "2026-09-14", "--until", "2026-09-14", stderr=StringIO()
        )


def test_the_command_refuses_a_bad_date():
    with pytest.raises(CommandError, match="date invalide"):
        call_command("import_boamp", "--since", "14/09/2026")
