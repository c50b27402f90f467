"""The watch's territories: where a notice is (its place of execution, else its buyer's commune,
else the whole département), the territory filter of the watch with its counts, in the URL and
combined with the others, and malformed values that give a French message, never a 500."""

import datetime
import json
from pathlib import Path

from django.core.management import call_command
from django.utils import timezone

import pytest

from core import reference
from tenders.demo import load_example_notices
from tenders.importing import import_records, run_import
from tenders.models import Notice
from tenders.records import parse_record
from tenders.territories import TerritoryIndex, locate, name_key

METROPOLE = "243400017"
SETE_AGGLO = "200066355"
MONTPELLIER = "34172"
BEZIERS = "34032"
SETE = "34301"
LUNEL = "34145"


def record(idweb, place=None, buyer=None):
    identity = {"DENOMINATION": "Acheteur d'essai"}
    if buyer:
        identity["VILLE"], identity["CP"] = buyer
    subject = {"TITRE_MARCHE": "Essai", "TYPE_MARCHE": {"SERVICES": None}}
    if place:
        subject["LIEU_EXEC_LIVR"] = place

    return {
        "idweb": idweb,
        "objet": f"Marché d'essai {idweb}",
        "nomacheteur": "Acheteur d'essai",
        "code_departement": ["34"],
        "dateparution": timezone.localdate().isoformat(),
        "nature": "APPEL_OFFRE",
        "type_marche": ["SERVICES"],
        "donnees": json.dumps({"IDENTITE": identity, "OBJET": subject}),
    }


def test_a_commune_name_is_compared_without_accents_hyphens_saint_or_cedex():
    assert name_key("St-Jean-de-Védas CEDEX 2") == name_key("Saint Jean de Vedas")
    assert name_key("34000 Montpellier") == "montpellier"


def test_the_place_of_execution_comes_before_the_buyers_commune(herault):
    index = TerritoryIndex.load()
    location = {"place": {"city": "Sète"}, "buyer": {"city": "Montpellier", "postal_code": "34000"}}
    assert locate(location, index) == (SETE, "lieu")


def test_a_place_that_is_the_departement_falls_back_on_the_buyer(herault):
    index = TerritoryIndex.load()
    location = {"place": {"text": "Hérault"}, "buyer": {"city": "Béziers", "postal_code": "34500"}}
    assert locate(location, index) == (BEZIERS, "acheteur")


def test_a_homonym_outside_the_herault_is_not_taken_and_the_notice_is_departement_wide(herault):
    index = TerritoryIndex.load()
    assert locate({"buyer": {"city": "Lunel", "postal_code": "75001"}}, index) == ("", "")
    assert locate({}, index) == ("", "")


def test_both_donnees_formats_give_the_addresses(herault):
    path = Path(__file__).parent / "recordings" / "records" / "2026-09-14" / "offset-0.json"
    records = {r["idweb"]: r for r in json.loads(path.read_text(encoding="utf-8"))["results"]}
    national = parse_record(records["26-85001"]).fields["location"]
    assert national == {
        "place": {"text": "Hérault"},
        "buyer": {"city": "Montpellier", "postal_code": "34000"},
    }
    eforms = parse_record(records["26-85002"]).fields["location"]
    assert eforms["buyer"] == {"city": "Montpellier", "postal_code": "34087"}


def test_the_importer_locates_each_notice(db, herault, boamp_client):
    run_import(datetime.date(2026, 9, 14), datetime.date(2026, 9, 14), client=boamp_client)
    notice = Notice.objects.get(idweb="26-85001")
    assert (notice.commune_code, notice.location_source) == (MONTPELLIER, "acheteur")


def test_locate_notices_follows_a_reference_loaded_after_the_import(db, herault, monkeypatch):
    monkeypatch.setattr(reference, "_provider", None)
    import_records([record("T-1", place={"VILLE": "Lunel", "CP": "34400"})])
    assert Notice.objects.get(idweb="T-1").commune_code == ""
    monkeypatch.setattr(reference, "_provider", herault())
    call_command("locate_notices", verbosity=0)
    assert Notice.objects.get(idweb="T-1").commune_code == LUNEL


@pytest.fixture
def located(herault, watch_page):
    load_example_notices(today=timezone.localdate(), generated=True)
    return watch_page


def get(client, page, query=""):
    response = client.get(f"{page.url}{query}")
    assert response.status_code == 200
    return response


def territory_facet(response):
    return next(f for f in response.context["facets"] if f["name"] == "territoire")


def test_an_epci_lists_its_communes_notices_and_the_departement_wide_ones(client, located):
    notices = get(client, located, f"?territoire={METROPOLE}&page=1").context["results_page"]
    codes = {n.commune_code for n in notices.paginator.object_list}
    assert MONTPELLIER in codes and "" in codes
    assert codes <= {MONTPELLIER, "34129", ""}
    expected = Notice.objects.filter(commune_code__in=[MONTPELLIER, "34129", ""]).count()
    assert notices.paginator.count == expected


def test_the_territory_counts_are_those_of_the_results(client, located):
    response = get(client, located)
    facet = territory_facet(response)
    options = {o["value"]: o for g in facet["groups"] for o in g["options"]}
    wide = Notice.objects.filter(commune_code="").count()
    assert wide > 0
    assert options[SETE]["count"] == Notice.objects.filter(commune_code=SETE).count() + wide
    assert facet["options"][0]["value"] == "34" and facet["options"][0]["count"] == wide
    assert [g["label"] for g in facet["groups"]] == ["Intercommunalités", "Communes"]
    assert options[SETE_AGGLO]["count"] == options[SETE]["count"]


def test_the_territory_combines_with_another_filter_and_stays_in_the_url(client, located):
    response = get(client, located, f"?territoire={SETE}&type=TRAVAUX")
    notices = response.context["results_page"].paginator.object_list
    assert notices and all(
        n.contract_kind == "TRAVAUX" and n.commune_code in (SETE, "") for n in notices
    )
    assert "territoire=34301" in response.context["base_query"]
    selected = [
        o for g in territory_facet(response)["groups"] for o in g["options"] if o["selected"]
    ]
    assert [o["value"] for o in selected] == [SETE]
    assert selected[0]["count"] == len(notices)


def test_the_whole_departement_value_lists_the_notices_located_nowhere(client, located):
    notices = get(client, located, "?territoire=34").context["results_page"].paginator.object_list
    assert notices and {n.commune_code for n in notices} == {""}


def test_a_malformed_territory_gives_a_french_message(client, located):
    for value in ["99999", "%3Cscript%3E", "2434000170000000", "abc%00", "34+172", "x" * 900]:
        response = get(client, located, f"?territoire={value}&type=TRAVAUX")
        assert response.context["params"].filters == {"type": "TRAVAUX"}, value
        html = response.content.decode().replace("&#x27;", "'")
        assert "n'est ni une commune ni une intercommunalité de l'Hérault" in html, value


def test_the_notice_page_says_where_the_notice_is(client, located):
    notice = Notice.objects.filter(location_source="acheteur", commune_code=BEZIERS).first()
    html = get(client, located, f"avis/{notice.idweb}/").content.decode().replace("&#x27;", "'")
    assert "Béziers (commune de l'acheteur)" in html
    wide = Notice.objects.filter(commune_code="").first()
    html = get(client, located, f"avis/{wide.idweb}/").content.decode().replace("&#x27;", "'")
    assert "Tout l'Hérault (aucune commune précisée)" in html
