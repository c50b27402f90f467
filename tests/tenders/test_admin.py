"""The watch in the admin: "les acheteurs à rencontrer" (by buyer, CSV), the notices, the rules
and the import runs, for editors; nothing for visitors."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

import pytest

from core.permissions import EDITORS, configure_editor_groups
from tenders.factories import NoticeFactory
from tenders.models import Contract, DecpImportRun, ImportRun, Notice

URL = "/admin/veille-marches/acheteurs/"


@pytest.fixture
def notices(db):
    today = timezone.localdate()
    NoticeFactory(
        buyer_name="Commune A",
        above_eu_threshold=True,
        lacks_required_consideration=True,
        published_on=today,
    )
    NoticeFactory(
        buyer_name="Commune A",
        above_eu_threshold=True,
        lacks_required_consideration=True,
        published_on=today,
    )
    NoticeFactory(buyer_name="Commune A", has_social_consideration=True, published_on=today)
    NoticeFactory(
        buyer_name="Commune B",
        above_eu_threshold=True,
        lacks_required_consideration=True,
        published_on=today,
    )
    NoticeFactory(
        buyer_name="Commune C",
        above_eu_threshold=True,
        lacks_required_consideration=True,
        published_on=today - datetime.timedelta(days=400),
    )


@pytest.fixture
def editor_client(client, db):
    configure_editor_groups()
    user = get_user_model().objects.create_user("redac", password="x")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return client


def test_the_buyers_to_meet_are_counted_over_12_months(editor_client, notices):
    response = editor_client.get(URL)
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [(r["buyer_name"], r["missing"], r["total"]) for r in rows] == [
        ("Commune A", 2, 3),
        ("Commune B", 1, 1),
    ]


def test_the_buyers_to_meet_export_to_csv(editor_client, notices):
    response = editor_client.get(URL + "?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Acheteur;SIRET;Avis sans considération sociale;")
    assert lines[1].startswith("Commune A;;2;")


def test_visitors_cannot_see_the_buyers_to_meet(client, notices):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_editors_see_the_import_runs(editor_client):
    ImportRun.objects.create(
        since=datetime.date(2026, 9, 14), until=datetime.date(2026, 9, 14), created=5, skipped=2
    )
    response = editor_client.get("/admin/snippets/tenders/importrun/")
    assert response.status_code == 200
    assert "En cours" in response.content.decode()


def test_editors_see_the_decp_import_runs_and_the_contracts(editor_client):
    DecpImportRun.objects.create(source="http://127.0.0.1/decp.json", created=3, outside=1)
    Contract.objects.create(
        contract_id="2025-X",
        buyer_siret="21340172900018",
        buyer_name="Commune de Montpellier",
        title="Nettoyage des écoles",
        notified_on=datetime.date(2025, 3, 1),
        year=2025,
        has_social_consideration=True,
    )
    runs = editor_client.get("/admin/snippets/tenders/decpimportrun/")
    assert runs.status_code == 200
    assert "En cours" in runs.content.decode()
    contracts = editor_client.get("/admin/snippets/tenders/contract/")
    assert contracts.status_code == 200
    assert "Nettoyage des écoles" in contracts.content.decode()


def test_the_notices_list_writes_yes_and_no_in_french(editor_client):
    import re

    NoticeFactory(has_social_consideration=True)
    NoticeFactory(has_social_consideration=False)
    response = editor_client.get(reverse(Notice.snippet_viewset.get_url_name("list")))
    cells = [
        re.sub(r"\s+", " ", cell).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", response.content.decode(), re.S)
    ]
    assert "Oui" in cells and "Non" in cells
    assert "True" not in cells and "False" not in cells
