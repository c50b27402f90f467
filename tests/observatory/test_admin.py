"""Rights in the admin: a facilitator sees and changes only their territory's operations (through
core.network's provider), never approves; editors approve each year's figures in the campaigns."""

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from core.network import FACILITATORS
from core.permissions import configure_editor_groups
from observatory.models import Operation

from .conftest import BEZIERS, LATTES, operation

pytestmark = pytest.mark.django_db


def refused(response):
    """Wagtail's admin answers a refused right with a redirect to the dashboard (or a 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


LIST = "wagtailsnippets_observatory_operation:list"
EDIT = "wagtailsnippets_observatory_operation:edit"
ADD = "wagtailsnippets_observatory_operation:add"


def form_data(**values):
    data = {
        "year": "2024",
        "status": "submitted",
        "facilitator_id": "1",
        "territory_code": LATTES,
        "contract_reference": "L-1",
        "contract_object": "Entretien des espaces verts",
        "buyer_name": "Commune de Lattes",
        "buyer_kind": "commune",
        "sector": "espaces-verts",
        "clause_type": "execution",
        "hours_planned": "500",
        "hours_achieved": "400",
        "participants": "2",
        "public_long_term_jobseekers": "1",
        "public_rsa": "1",
        "public_disabled": "0",
        "public_under_26": "0",
        "public_siae": "0",
        "public_other": "0",
        "contract_cdi": "0",
        "contract_cdd": "0",
        "contract_cddi": "2",
        "contract_interim": "0",
        "contract_apprenticeship": "0",
        "contract_professionalisation": "0",
    }
    data.update(values)
    return data


def test_the_groups_rights():
    configure_editor_groups()
    codes = set(Group.objects.get(name=FACILITATORS).permissions.values_list("codename", flat=True))
    assert codes == {"access_admin", "view_operation", "add_operation", "change_operation"}


def test_a_facilitator_lists_only_their_territory(client, facilitator, figures):
    client.force_login(facilitator)
    html = client.get(reverse(LIST)).content.decode()
    assert "Réhabilitation" in html  # A, B, E: Montpellier, in the Métropole
    assert "Ville de Béziers" not in html and "Acheteur transmis" not in html


def test_a_facilitator_cannot_open_another_territory(client, facilitator, figures):
    client.force_login(facilitator)
    assert refused(client.get(reverse(EDIT, args=[figures.c.pk])))
    assert refused(client.post(reverse(EDIT, args=[figures.c.pk]), form_data()))
    # An approved operation of their own territory is no longer theirs to change.
    assert refused(client.get(reverse(EDIT, args=[figures.a.pk])))
    assert client.get(reverse(EDIT, args=[figures.e.pk])).status_code == 200


def test_a_facilitator_adds_in_their_territory_only(client, facilitator):
    client.force_login(facilitator)
    page = client.get(reverse(ADD)).content.decode()
    assert "Lattes" in page and "Béziers" not in page
    assert 'value="approved"' not in page
    response = client.post(reverse(ADD), form_data(territory_code=BEZIERS))
    assert response.status_code == 200 and not Operation.objects.exists()
    response = client.post(reverse(ADD), form_data(status="approved"))
    assert response.status_code == 200 and not Operation.objects.exists()
    response = client.post(reverse(ADD), form_data(facilitator_id="2"))
    assert response.status_code == 200 and not Operation.objects.exists()
    response = client.post(reverse(ADD), form_data())
    assert response.status_code == 302
    assert Operation.objects.get().territory_code == LATTES


def test_bad_figures_get_french_messages(client, facilitator):
    client.force_login(facilitator)
    response = client.post(
        reverse(ADD), form_data(year="2999", public_rsa="3", hours_achieved="-5")
    )
    html = response.content.decode()
    assert "dans le futur" in html
    assert "ne font pas le total" in html or "supérieure ou égale à 0" in html
    assert not Operation.objects.exists()
    response = client.post(reverse(ADD), form_data(hours_achieved="9000"))
    assert "temps plein annuel" in response.content.decode()
    assert not Operation.objects.exists()


def test_without_a_membership_nobody_sees_anything(client, facilitator, figures, memberships):
    memberships.clear()
    client.force_login(facilitator)
    html = client.get(reverse(LIST)).content.decode()
    assert "Réhabilitation" not in html
    assert refused(client.get(reverse(EDIT, args=[figures.e.pk])))


def test_facilitator_submits_editor_approves(client, facilitator, editor, figures):
    client.force_login(facilitator)
    url = reverse("observatory_campaigns")
    client.post(url, {"action": "submit", "year": "2024", "facilitator": "1"})
    figures.e.refresh_from_db()
    assert figures.e.status == "submitted"
    assert refused(client.post(url, {"action": "approve", "year": "2024", "facilitator": "1"}))
    # The other territory's submitted figures are out of reach.
    client.post(url, {"action": "submit", "year": "2024", "facilitator": "2"})
    client.force_login(editor)
    client.post(url, {"action": "approve", "year": "2024", "facilitator": "2"})
    figures.d.refresh_from_db()
    assert figures.d.status == "approved"
    client.post(url, {"action": "reject", "year": "2024", "facilitator": "1"})
    figures.e.refresh_from_db()
    assert figures.e.status == "draft"
    response = client.post(url, {"action": "submit", "year": "x", "facilitator": "1"}, follow=True)
    assert "Campagne inconnue" in response.content.decode()


def test_editor_sees_every_territory(client, editor, figures):
    client.force_login(editor)
    html = client.get(reverse(LIST)).content.decode()
    assert "Ville de Béziers" in html
    assert client.get(reverse(EDIT, args=[figures.c.pk])).status_code == 200


def test_an_editor_cannot_use_the_approved_status_without_the_right(db, facilitator, figures):
    operation_ = operation(status="draft", participants=1, public_other=1)
    from observatory import access

    assert access.may_change(facilitator, operation_)
    assert not access.can_approve(facilitator)


def test_campaigns_list_the_persons_territories(client, facilitator, editor, figures):
    client.force_login(facilitator)
    html = client.get(reverse("observatory_campaigns")).content.decode()
    assert "Facilitateur de la Métropole" in html
    assert "Facilitateur du Biterrois" not in html
    assert 'value="approve"' not in html
    client.force_login(editor)
    html = client.get(reverse("observatory_campaigns")).content.decode()
    assert "Facilitateur du Biterrois" in html and 'value="approve"' in html


def test_one_observatory_entry_groups_the_admin_menu(rf, editor, django_user_model):
    from wagtail.admin.menu import admin_menu

    request = rf.get("/admin/")
    request.user = editor
    top = {item.name: item for item in admin_menu.menu_items_for_request(request)}
    assert "observatoire" in top
    assert str(top["observatoire"].label) == "Observatoire"
    assert [
        str(item.label) for item in top["observatoire"].menu.menu_items_for_request(request)
    ] == [
        "Opérations",
        "Campagnes de l'observatoire",
        "Importer des opérations",
    ]
    assert not {str(item.label) for item in top.values()} & {
        "Campagnes de l'observatoire",
        "Importer des opérations",
    }
    # Someone who may not see the operations does not get the entry.
    request.user = django_user_model.objects.create_user(
        "sans-droit", "s@example.org", "pw-s-1234!"
    )
    assert "observatoire" not in {item.name for item in admin_menu.menu_items_for_request(request)}
