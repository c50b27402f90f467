"""CSV import with preview and per-row report, all or nothing, duplicates by SIRET merged or reported;
export in the data·inclusion schema and a round trip through it; the admin's confirmation signed."""

import json

from django.contrib.auth import get_user_model

import pytest
from data_inclusion.schema.v1 import Service

from directory.factories import valid_siret
from directory.importing import import_actors, parse
from directory.interop import (
    export_services,
    export_structures,
    parse_data_inclusion,
    services_csv,
    structures_csv,
)
from directory.models import Actor

HEADER = "nom;type;siret;code_insee;latitude;longitude;secteurs;prestations;territoire;verifie_le\n"


def csv_file(*rows, header=HEADER, encoding="utf-8"):
    return (header + "".join(row + "\n" for row in rows)).encode(encoding)


def test_a_valid_file_is_previewed_without_writing_then_imported(directory_page):
    data = csv_file(
        f"Régie Verte;aci;{valid_siret(1)};34172;43,61;3,87;espaces-verts;prestation;243400017;2026-01-10",
        f"Handi Services;ea;{valid_siret(2)};34145;;;proprete|blanchisserie;prestation|fabrication;34;15/01/2026",
    )
    report = parse(data)
    assert report.valid and report.counts == {"new": 2, "updated": 0, "invalid": 0}
    assert Actor.objects.count() == 0
    report = import_actors(data)
    assert report.imported
    regie = Actor.objects.get(name="Régie Verte")
    assert regie.latitude == 43.61 and regie.commune_id == "34172"
    assert [e.pk for e in regie.epcis.all()] == ["243400017"]
    handi = Actor.objects.get(name="Handi Services")
    assert handi.whole_departement and handi.offers_goods
    assert {s.slug for s in handi.sectors.all()} == {"proprete", "blanchisserie"}


def test_a_windows_1252_file_is_read(directory_page):
    data = csv_file(f"Équipe Bâtiment;ei;{valid_siret(3)};;;;;;;", encoding="cp1252")
    assert import_actors(data).imported
    assert Actor.objects.filter(name="Équipe Bâtiment").exists()


def test_one_invalid_row_means_nothing_is_imported_and_each_problem_is_named(directory_page):
    data = csv_file(
        f"Bonne structure;ei;{valid_siret(4)};;;;;;;",
        "Mauvaise;licorne;73282932000075;99999;48,85;2,35;peinture;vente;75056;hier",
    )
    report = import_actors(data)
    assert not report.imported
    assert Actor.objects.count() == 0
    bad = report.rows[1]
    assert bad.outcome == "invalid" and bad.line == 3
    text = " ".join(bad.messages)
    for expected in (
        "Type d'acteur inconnu",
        "code INSEE 99999",
        "hors de l'Hérault",
        "Secteur inconnu",
        "Prestation inconnue",
        "Territoire inconnu",
        "Date de vérification illisible",
        "clé de contrôle",
    ):
        assert expected in text, expected


def test_a_row_with_a_known_siret_updates_that_actor(actors):
    siret = actors["ei"].siret
    data = csv_file(f"Bâtir Védas renommé;ei;{siret};;;;;;;")
    report = import_actors(data)
    assert report.counts["updated"] == 1 and report.imported
    actor = Actor.objects.get(pk=actors["ei"].pk)
    assert actor.name == "Bâtir Védas renommé"
    assert [c.pk for c in actor.communes.all()] == ["34270"]  # kept: the row names no territory
    assert Actor.objects.count() == 6


def test_the_same_siret_twice_in_a_file_is_reported(directory_page):
    siret = valid_siret(5)
    report = parse(csv_file(f"Une;ei;{siret};;;;;;;", f"Deux;ei;{siret};;;;;;;"))
    assert report.rows[1].outcome == "invalid"
    assert "déjà présent ligne 2" in report.rows[1].messages[0]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "vide"),
        (b"siret;ville\n1;2\n", "Colonnes obligatoires manquantes\u00a0: nom, type"),
        (b"nom;type;couleur\nA;ei;bleu\n", "Colonnes inconnues\u00a0: couleur"),
        ("nom;type\n".encode("utf-16"), "ni en UTF-8 ni en Windows-1252"),
        (HEADER.encode(), "aucune ligne"),
    ],
)
def test_a_malformed_file_is_refused_with_a_french_message(directory_page, data, message):
    report = import_actors(data)
    assert message in report.error and not report.imported


def test_data_inclusion_export_is_valid_and_round_trips(actors):
    structures, refused = export_structures("https://example.org/annuaire/")
    assert refused == []
    assert len(structures) == 5  # published only
    esat = next(s for s in structures if s["nom"] == "ESAT des Jardins de Lunel")
    assert esat["reseaux_porteurs"] == ["esat"]
    assert esat["code_insee"] == "34145"
    assert esat["lien_source"] == "https://example.org/annuaire/esat-des-jardins-de-lunel/"
    assert "reseaux_porteurs" in structures_csv(structures).splitlines()[0]
    # Back in: every structure matches an actor by SIRET, nothing new, nothing lost.
    esat["nom"] = "ESAT des Jardins de Lunel-Viel"
    data = json.dumps([s for s in structures if s["siret"]]).encode()
    report = import_actors(data, parse_data_inclusion)
    assert report.imported, report.rows
    assert report.counts["new"] == 0
    assert Actor.objects.get(pk=actors["esat"].pk).name == "ESAT des Jardins de Lunel-Viel"
    assert Actor.objects.get(pk=actors["esat"].pk).epcis.count() == 1


def test_data_inclusion_services_carry_the_territory_by_official_code_and_validate(actors):
    structures, _refused = export_structures()
    services, refused = export_services("https://example.org/annuaire/")
    assert refused == []
    # Facilitators serve buyers, not the inclusion offer; the unpublished GEIQ is left out.
    by_name = {
        next(s["nom"] for s in structures if s["id"] == service["structure_id"]): service
        for service in services
    }
    assert set(by_name) == {"Bâtir Védas", "ESAT des Jardins de Lunel"}
    esat, ei = by_name["ESAT des Jardins de Lunel"], by_name["Bâtir Védas"]
    assert esat["zone_eligibilite"] == ["243400520"]  # Lunel Agglo, by SIREN
    assert ei["zone_eligibilite"] == ["34270"]  # Saint-Jean-de-Védas, by INSEE code
    assert esat["publics"] == ["personnes-en-situation-de-handicap"]
    assert ei["type"] == "accompagnement" and ei["frais"] == "gratuit"
    assert esat["lien_source"] == "https://example.org/annuaire/esat-des-jardins-de-lunel/"
    # Read back by the package's own model, from the JSON as written.
    for item in json.loads(json.dumps(services)):
        Service.model_validate(item)
    assert "zone_eligibilite" in services_csv(services).splitlines()[0]


def test_a_service_of_the_whole_departement_is_eligible_in_34(actors):
    from directory.factories import ActorFactory

    ActorFactory(name="Mission locale de l'Hérault", kind="mission-locale", whole_departement=True)
    services, _refused = export_services()
    [mission] = [s for s in services if s["id"].endswith("--mission-locale")]
    assert mission["zone_eligibilite"] == ["34"]
    assert mission["publics"] == ["jeunes"]


def test_a_structure_the_schema_refuses_is_reported_and_nothing_is_written(directory_page):
    data = json.dumps(
        [{"source": "x", "id": "x--1", "nom": "AB", "date_maj": "2026-01-01"}]
    ).encode()
    report = import_actors(data, parse_data_inclusion)
    assert not report.imported and Actor.objects.count() == 0
    assert "schéma data·inclusion" in report.rows[0].messages[0]


@pytest.fixture
def editor_client(client, directory_page):
    from django.contrib.auth.models import Group

    from core.permissions import EDITORS, configure_editor_groups

    configure_editor_groups()
    user = get_user_model().objects.create_user("redac", password="x-password-123")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return client


def test_the_admin_import_previews_then_imports_on_confirmation(editor_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("a.csv", csv_file(f"Régie Verte;aci;{valid_siret(9)};;;;;;;"))
    response = editor_client.post("/admin/annuaire/import/", {"file": upload, "format": "csv"})
    assert response.status_code == 200
    token = response.context["token"]
    assert token and Actor.objects.count() == 0
    response = editor_client.post("/admin/annuaire/import/", {"confirm": token})
    assert response.status_code == 200
    assert Actor.objects.filter(name="Régie Verte").exists()


def test_a_forged_confirmation_is_refused_and_writes_nothing(editor_client):
    response = editor_client.post("/admin/annuaire/import/", {"confirm": "forged:token"})
    assert response.status_code == 400
    assert Actor.objects.count() == 0


def test_the_admin_export_serves_data_inclusion_json(editor_client, actors):
    response = editor_client.get("/admin/annuaire/export/json/")
    assert response.status_code == 200
    assert len(json.loads(response.content)) == 5
    assert editor_client.get("/admin/annuaire/export/xml/").status_code == 404


def test_the_admin_export_serves_data_inclusion_services(editor_client, actors):
    response = editor_client.get("/admin/annuaire/export/services/json/")
    assert response.status_code == 200
    assert 'filename="services-data-inclusion.json"' in response["Content-Disposition"]
    assert len(json.loads(response.content)) == 2
    response = editor_client.get("/admin/annuaire/export/services/csv/")
    assert response.content.decode().startswith("source,structure_id,id,nom")


def test_an_editor_cannot_delete_actors_but_a_moderator_can(directory_page):
    from django.contrib.auth.models import Group

    from core.permissions import EDITORS, MODERATORS, configure_editor_groups

    configure_editor_groups()
    editors = Group.objects.get(name=EDITORS)
    moderators = Group.objects.get(name=MODERATORS)
    assert editors.permissions.filter(codename="change_actor").exists()
    assert not editors.permissions.filter(codename="delete_actor").exists()
    assert moderators.permissions.filter(codename="delete_actor").exists()


def actors_list_url(suffix=""):
    from django.urls import reverse

    return reverse(Actor.snippet_viewset.get_url_name("list" + suffix))


def test_the_actors_list_exports_what_its_filters_keep_as_csv(editor_client, actors):
    response = editor_client.get(actors_list_url(), {"kind": "facilitateur", "export": "csv"})
    assert response.status_code == 200
    assert "acteurs" in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    names = {line.split(",")[0] for line in body.splitlines()[1:]}
    assert names == {
        "Facilitateur de la Métropole",
        "Facilitateur du Pays de Lunel",
        "Facilitateur du Département",
    }


def test_the_actors_list_exports_its_search_as_xlsx(editor_client, actors):
    import io

    from openpyxl import load_workbook

    response = editor_client.get(actors_list_url(), {"q": "Lunel", "export": "xlsx"})
    assert response.status_code == 200
    content = response.content if hasattr(response, "content") else b"".join(response)
    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Nom"
    assert {row[0] for row in rows[1:]} == {
        "Facilitateur du Pays de Lunel",
        "ESAT des Jardins de Lunel",
    }
    siret_column = rows[0].index("SIRET")
    assert rows[1][siret_column] and len(str(rows[1][siret_column])) == 14


def test_an_editor_finds_an_actor_by_its_siret_in_the_admin(editor_client, actors):
    esat = actors["esat"]
    response = editor_client.get(actors_list_url("_results"), {"q": esat.siret})
    assert response.status_code == 200
    assert [actor.pk for actor in response.context["object_list"]] == [esat.pk]


def test_the_actors_list_writes_yes_and_no_in_french(editor_client, actors):
    import re

    response = editor_client.get(actors_list_url())
    cells = [
        re.sub(r"\s+", " ", cell).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", response.content.decode(), re.S)
    ]
    assert "Oui" in cells and "Non" in cells  # published, and the unpublished GEIQ
    assert "True" not in cells and "False" not in cells
