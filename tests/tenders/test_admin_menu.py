"""The watch's admin entries, "Acheteurs à rencontrer" included, are one "Veille marchés" item of the
admin's menu."""

from django.test import RequestFactory

import pytest


@pytest.mark.django_db
def test_the_buyers_to_approach_are_under_the_watch_s_menu_item(admin_user):
    from wagtail.admin.menu import admin_menu

    request = RequestFactory().get("/admin/")
    request.user = admin_user
    items = admin_menu.menu_items_for_request(request)
    assert "Acheteurs à rencontrer" not in {str(item.label) for item in items}
    (watch,) = [item for item in items if str(item.label) == "Veille marchés"]
    entries = [str(entry.label) for entry in watch.menu.menu_items_for_request(request)]
    assert entries[-1] == "Acheteurs à rencontrer"
    assert "Avis de marché" in entries
