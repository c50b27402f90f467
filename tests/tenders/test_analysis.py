"""The analysis of a notice, rule by rule, on the recorded records (real BOAMP shapes): which carry
a social consideration and why, and which lack one they should have had since 22 August 2026."""

import copy
import json
from pathlib import Path

import pytest

from tenders.analysis import analyse, normalise
from tenders.models import DetectionRule
from tenders.records import RecordError, parse_record

pytestmark = pytest.mark.django_db

RECORDS = {
    record["idweb"]: record
    for record in json.loads(
        (Path(__file__).parent / "recordings/records/2026-09-14/offset-0.json").read_text("utf-8")
    )["results"]
}


def record(idweb, **changes):
    result = copy.deepcopy(RECORDS[idweb])
    result.update(changes)
    return result


def donnees(idweb):
    return json.loads(RECORDS[idweb]["donnees"])


def analysed(raw):
    return analyse(parse_record(raw))


def kinds(result):
    return [reason["kind"] for reason in result["analysis"]["reasons"]]


def test_a_clause_d_insertion_in_the_conditions_is_found_with_its_passage():
    result = analysed(record("26-85001"))
    assert result["has_social_consideration"]
    assert "condition-execution" in kinds(result)
    reason = result["analysis"]["reasons"][0]["reason"]
    assert reason.startswith("Clause sociale d'exécution")
    assert "clause d'insertion" in reason
    assert not result["lacks_required_consideration"]


def test_the_sociaux_facet_and_an_r2152_7_criterion_are_found():
    result = analysed(record("26-85005"))
    assert kinds(result)[0] == "critere-social"
    assert "critere-attribution" in kinds(result)
    award = next(r for r in result["analysis"]["reasons"] if r["kind"] == "critere-attribution")
    assert "insertion professionnelle" in award["reason"]


def test_an_eforms_reserved_lot_bt_71_is_found():
    result = analysed(record("26-85002"))
    assert result["is_reserved"]
    assert "BT-71 : res-ws" in result["analysis"]["reasons"][0]["reason"]


def test_an_eforms_reserved_execution_bt_736_is_found():
    data = donnees("26-85004")
    lot = data["EFORMS"]["ContractNotice"]["cac:ProcurementProjectLot"][0]
    lot["cac:TenderingTerms"]["cac:ContractExecutionRequirement"][0][
        "cbc:ExecutionRequirementCode"
    ]["#text"] = "yes"
    result = analysed(record("26-85004", donnees=json.dumps(data)))
    assert result["is_reserved"]
    assert "BT-736" in result["analysis"]["reasons"][0]["reason"]


def test_an_eforms_social_strategic_procurement_is_found():
    data = donnees("26-85004")
    project = data["EFORMS"]["ContractNotice"]["cac:ProcurementProject"]
    project["cac:ProcurementAdditionalType"] = {
        "cbc:ProcurementTypeCode": {"@listName": "strategic-procurement", "#text": "soc-obj"}
    }
    result = analysed(record("26-85004", donnees=json.dumps(data)))
    assert kinds(result) == ["achat-social"]


def test_a_national_marche_reserve_oui_is_found():
    data = donnees("26-85003")
    del data["OBJET"]["MARCHE_RESERVE_NON"]
    data["CONDITION_PARTICIPATION"]["MARCHE_RESERVE_OUI"] = None
    result = analysed(record("26-85003", donnees=json.dumps(data)))
    assert result["is_reserved"]
    assert "MARCHE_RESERVE_OUI" in result["analysis"]["reasons"][0]["reason"]


def test_an_article_l2113_13_in_the_text_is_found_however_written():
    data = donnees("26-85003")
    data["RENSEIGNEMENTS_COMPLEMENTAIRES"]["RENS_COMPLEMENT"] = (
        "Le lot 3 est réservé en application de l'article L.2113-13 du code."
    )
    result = analysed(record("26-85003", donnees=json.dumps(data)))
    assert kinds(result) == ["marche-reserve"]


def test_an_article_is_matched_whole():
    assert normalise("Article L. 2112-2") == "article l2112-2"
    data = donnees("26-85003")
    data["RENSEIGNEMENTS_COMPLEMENTAIRES"]["RENS_COMPLEMENT"] = "Voir l'article L2112-20."
    result = analysed(record("26-85003", donnees=json.dumps(data)))
    assert not result["has_social_consideration"]


def test_works_above_the_threshold_without_consideration_are_flagged():
    result = analysed(record("26-85003"))
    assert not result["has_social_consideration"]
    assert result["above_eu_threshold"]
    assert result["lacks_required_consideration"]
    missing = result["analysis"]["missing"]
    assert "22 août 2026" in missing
    assert "Climat et résilience" in missing
    assert "valeur estimée 6\xa0200\xa0000 € HT, seuil 5\xa0404\xa0000 €" in missing


def test_an_ojeu_notice_without_consideration_is_flagged():
    result = analysed(record("26-85004"))
    assert result["lacks_required_consideration"]


def test_works_below_the_threshold_are_not_flagged():
    data = donnees("26-85003")
    data["OBJET"]["CARACTERISTIQUES"]["VALEUR"]["#text"] = "900000"
    result = analysed(record("26-85003", donnees=json.dumps(data)))
    assert not result["above_eu_threshold"]
    assert not result["lacks_required_consideration"]


def test_a_notice_published_before_22_august_2026_is_not_flagged():
    result = analysed(record("26-85003", dateparution="2026-08-21"))
    assert result["above_eu_threshold"]
    assert not result["lacks_required_consideration"]
    assert analysed(record("26-85003", dateparution="2026-08-22"))["lacks_required_consideration"]


def test_an_editor_switching_a_rule_off_stops_its_detection():
    DetectionRule.objects.filter(kind="condition-execution").update(active=False)
    assert "condition-execution" not in kinds(analysed(record("26-85001")))


def test_an_editor_adding_wording_makes_it_detected():
    data = donnees("26-85003")
    data["RENSEIGNEMENTS_COMPLEMENTAIRES"]["RENS_COMPLEMENT"] = "Chantier école avec un GEIQ."
    raw = record("26-85003", donnees=json.dumps(data))
    assert not analysed(raw)["has_social_consideration"]
    DetectionRule.objects.create(
        label="Chantier école",
        kind="condition-execution",
        where="tout",
        words="chantier ecole\n",
        reason="Chantier école prévu.",
    )
    result = analysed(raw)
    assert result["analysis"]["reasons"][0]["reason"].startswith("Chantier école prévu.")


def test_an_unknown_donnees_format_is_refused_in_french():
    with pytest.raises(RecordError, match="format de « donnees » inconnu"):
        parse_record(record("26-85003", donnees=json.dumps({"AUTRE": {}})))


def test_a_record_without_a_date_is_refused_in_french():
    with pytest.raises(RecordError, match="date de parution"):
        parse_record(record("26-85003", dateparution="bientôt"))
