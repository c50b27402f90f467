"""The directory in the Wagtail admin: the actors (list, filters, search, spreadsheet export), the
sectors, the import with preview, the export in the data·inclusion schema, and the review of the
correction proposals."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_labels import FrenchLabelsMixin

from . import admin_views
from .models import Actor, Sector


class ActorViewSet(FrenchLabelsMixin, SnippetViewSet):
    add_item_label = _("Ajouter un acteur")
    empty_label = _("Aucun acteur pour l'instant.")
    no_match_label = _("Aucun acteur ne correspond à votre recherche.")
    model = Actor
    icon = "group"
    menu_label = _("Acteurs")
    list_display = ["name", "kind", "commune", "verified_on", "published"]
    list_filter = ["kind", "published", "is_example", "whole_departement", "sectors"]
    search_fields = ["name", "siret", "host_organisation", "description"]
    # Searched in the database (icontains), not through the site's search index: the index holds
    # neither the SIRET nor the host organisation, and a search on them raised SearchFieldError.
    search_backend_name = None
    list_export = [
        "name",
        "kind",
        "siret",
        "host_organisation",
        "address",
        "postal_code",
        "commune",
        "latitude",
        "longitude",
        "phone",
        "email",
        "website",
        "verified_on",
        "published",
    ]
    export_filename = "acteurs"
    ordering = ["name"]


class SectorViewSet(FrenchLabelsMixin, SnippetViewSet):
    add_item_label = _("Ajouter un secteur d'activité")
    empty_label = _("Aucun secteur d'activité pour l'instant.")
    no_match_label = _("Aucun secteur d'activité ne correspond à votre recherche.")
    model = Sector
    icon = "tag"
    menu_label = _("Secteurs d'activité")
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name"]


class DirectoryViewSetGroup(ViewSetGroup):
    menu_label = _("Annuaire")
    menu_icon = "site"
    menu_order = 260
    items = (ActorViewSet, SectorViewSet)
    # The import, the exports and the corrections register with this hook: one "Annuaire" entry in
    # the admin's menu instead of six.
    submenu_hook = "register_directory_menu_item"


register_snippet(DirectoryViewSetGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("annuaire/import/", admin_views.import_view, name="directory_import"),
        path(
            "annuaire/export/<str:file_format>/",
            admin_views.export_view,
            name="directory_export",
        ),
        path(
            "annuaire/export/services/<str:file_format>/",
            admin_views.export_view,
            {"dataset": "services"},
            name="directory_export_services",
        ),
        path("annuaire/corrections/", admin_views.corrections_view, name="directory_corrections"),
        path(
            "annuaire/corrections/<int:pk>/",
            admin_views.correction_view,
            name="directory_correction",
        ),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permissions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = permissions

    def is_shown(self, request):
        return all(request.user.has_perm(p) for p in self.permissions)


@hooks.register("register_directory_menu_item")
def register_import_menu_item():
    return PermissionMenuItem(
        _("Importer des acteurs"),
        reverse("directory_import"),
        name="directory-import",
        icon_name="upload",
        order=10,
        permissions=("directory.add_actor", "directory.change_actor"),
    )


@hooks.register("register_directory_menu_item")
def register_export_menu_item():
    return PermissionMenuItem(
        _("Exporter l'annuaire (data·inclusion)"),
        reverse("directory_export", args=["json"]),
        name="directory-export",
        icon_name="download",
        order=11,
        permissions=("directory.view_actor",),
    )


@hooks.register("register_directory_menu_item")
def register_services_export_menu_item():
    return PermissionMenuItem(
        _("Exporter les services (data·inclusion)"),
        reverse("directory_export_services", args=["json"]),
        name="directory-export-services",
        icon_name="download",
        order=12,
        permissions=("directory.view_actor",),
    )


@hooks.register("register_directory_menu_item")
def register_corrections_menu_item():
    return PermissionMenuItem(
        _("Corrections proposées"),
        reverse("directory_corrections"),
        name="directory-corrections",
        icon_name="edit",
        order=13,
        permissions=("directory.change_actor",),
    )
