"""The CSV/XLSX import: the template, a preview with a French report per row, nothing half-imported."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from observatory import importing
from observatory.models import Operation

pytestmark = pytest.mark.django_db

URL = "observatory_import"


def row(**values):
    data = dict(zip(importing.HEADERS, importing.EXAMPLE, strict=True))
    data["facilitateur"] = "1"
    data.update(values)
    return data


def csv_file(rows, headers=None, encoding="utf-8", name="operations.csv"):
    headers = headers or importing.HEADERS
    lines = [";".join(headers)] + [";".join(r.get(h, "") for h in headers) for r in rows]
    return SimpleUploadedFile(name, ("\n".join(lines) + "\n").encode(encoding))


def upload(client, file):
    return client.post(reverse(URL), {"file": file})


def test_templates_download(client, facilitator):
    client.force_login(facilitator)
    response = client.get(reverse("observatory_import_template", args=["csv"]))
    assert response.content.decode("utf-8-sig").splitlines()[0] == ";".join(importing.HEADERS)
    response = client.get(reverse("observatory_import_template", args=["xlsx"]))
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == importing.HEADERS


def test_valid_csv_preview_then_import(client, facilitator):
    client.force_login(facilitator)
    response = upload(client, csv_file([row(), row(reference_marche="MMM-2", territoire="34129")]))
    html = response.content.decode()
    assert "Prête à importer" in html and "Importer les 2 opérations" in html
    assert not Operation.objects.exists()  # nothing before the confirmation
    response = client.post(reverse(URL), {"confirm": "1"})
    assert response.status_code == 302
    assert Operation.objects.count() == 2
    assert set(Operation.objects.values_list("status", flat=True)) == {"draft"}
    assert set(Operation.objects.values_list("facilitator_id", flat=True)) == {1}


def test_one_bad_row_imports_nothing(client, facilitator):
    client.force_login(facilitator)
    rows = [
        row(),
        row(heures_realisees="-3"),
        row(annee="2999"),
        row(public_rsa="5"),
        row(territoire="34032"),  # Béziers: not the facilitator's territory
        row(secteur="plomberie"),
        row(heures_realisees="50000"),
    ]
    html = upload(client, csv_file(rows)).content.decode()
    assert "6 lignes ont un problème" in html
    assert "pas un nombre entier positif" in html
    assert "dans le futur" in html
    assert "ne font pas le total" in html
    assert "pas un de vos territoires" in html
    assert "pas une valeur connue" in html
    assert "temps plein annuel" in html
    assert 'name="confirm"' not in html
    assert client.post(reverse(URL), {"confirm": "1"}).status_code == 302
    assert not Operation.objects.exists()


def test_wrong_columns_and_encoding(client, facilitator):
    client.force_login(facilitator)
    headers = [h for h in importing.HEADERS if h != "annee"] + ["colonne_en_trop"]
    html = upload(client, csv_file([row()], headers=headers)).content.decode()
    assert "Colonnes manquantes : annee." in html
    assert "Colonnes inconnues : colonne_en_trop." in html
    html = upload(
        client, csv_file([row(acheteur="Hérault Habitat")], encoding="latin-1")
    ).content.decode()
    assert "pas encodé en UTF-8" in html
    html = upload(client, SimpleUploadedFile("operations.pdf", b"%PDF-1.4")).content.decode()
    assert "CSV (.csv) ou Excel (.xlsx)" in html
    html = upload(client, SimpleUploadedFile("operations.xlsx", b"not a zip")).content.decode()
    assert "illisible" in html
    assert not Operation.objects.exists()


def test_xlsx_import(client, facilitator):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(importing.HEADERS)
    values = row()
    sheet.append([int(v) if v.isdigit() else v for v in (values[h] for h in importing.HEADERS)])
    output = io.BytesIO()
    book.save(output)
    client.force_login(facilitator)
    html = upload(client, SimpleUploadedFile("ops.xlsx", output.getvalue())).content.decode()
    assert "Importer 1 opération" in html
    client.post(reverse(URL), {"confirm": "1"})
    assert Operation.objects.get().hours_achieved == 1150


def test_save_rows_refuses_rows_with_problems(facilitator):
    rows = importing.check_rows([(2, row()), (3, row(annee="abc"))], facilitator)
    with pytest.raises(ValueError):
        importing.save_rows(rows)
    assert not Operation.objects.exists()


def test_a_person_without_rights_cannot_import(client, django_user_model):
    user = django_user_model.objects.create_user("visiteur", "v@example.org", "pw-v-12345!")
    client.force_login(user)
    assert client.get(reverse(URL)).status_code in (302, 403)
