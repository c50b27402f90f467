"""The directory's admin entries (actors, sectors, import, exports, corrections) are one "Annuaire"
item of the admin's menu, each entry shown to whoever holds its permissions."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import RequestFactory

import pytest

from core.permissions import EDITORS, configure_editor_groups

DIRECTORY_ENTRIES = [
    "Acteurs",
    "Secteurs d'activité",
    "Importer des acteurs",
    "Exporter l'annuaire (data·inclusion)",
    "Exporter les services (data·inclusion)",
    "Corrections proposées",
]


def menu_for(user):
    from wagtail.admin.menu import admin_menu

    request = RequestFactory().get("/admin/")
    request.user = user
    return request, admin_menu.menu_items_for_request(request)


def directory_entries(user):
    request, items = menu_for(user)
    groups = [item for item in items if str(item.label) == "Annuaire"]
    assert len(groups) == 1
    return [str(entry.label) for entry in groups[0].menu.menu_items_for_request(request)], items


@pytest.mark.django_db
def test_the_directory_entries_are_grouped_under_one_menu_item(admin_user):
    entries, items = directory_entries(admin_user)
    assert entries == DIRECTORY_ENTRIES
    top_level = {str(item.label) for item in items}
    assert not top_level & set(DIRECTORY_ENTRIES[2:])


@pytest.mark.django_db
def test_an_editor_sees_the_entries_their_permissions_allow(directory_page):
    configure_editor_groups()
    editor = get_user_model().objects.create_user("redac", password="x-password-123")
    editor.groups.add(Group.objects.get(name=EDITORS))
    entries, _items = directory_entries(editor)
    assert "Corrections proposées" in entries
    assert "Importer des acteurs" in entries
