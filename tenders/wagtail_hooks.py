"""The watch in the Wagtail admin: the notices (list, filters, search, inspection, spreadsheet
export), the detection rules editors adjust, and each import run (when, how many notices new,
changed, cancelled, skipped and why), in one "Veille marchés" menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_labels import FrenchLabelsMixin

from . import admin_views
from .models import Contract, DecpImportRun, DetectionRule, ImportRun, Notice


class NoticeViewSet(FrenchLabelsMixin, SnippetViewSet):
    model = Notice
    icon = "doc-full"
    menu_label = _("Avis de marché")
    list_display = [
        "idweb",
        "title",
        "buyer_name",
        "published_on",
        "state",
        "has_social_consideration",
    ]
    list_filter = [
        "state",
        "contract_kind",
        "has_social_consideration",
        "lacks_required_consideration",
        "is_reserved",
        "is_example",
    ]
    search_fields = ["title", "buyer_name", "idweb"]
    # Searched in the database (icontains), not through the site's search index, which does not
    # hold the BOAMP id (a search raised SearchFieldError).
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_fields = [
        "idweb",
        "title",
        "buyer_name",
        "buyer_siret",
        "contract_kind",
        "procedure",
        "estimated_value",
        "published_on",
        "deadline",
        "state",
        "url",
        "has_social_consideration",
        "lacks_required_consideration",
        "analysis",
        "is_example",
    ]
    list_export = [
        "idweb",
        "title",
        "buyer_name",
        "buyer_siret",
        "contract_kind",
        "estimated_value",
        "published_on",
        "deadline",
        "state",
        "has_social_consideration",
        "lacks_required_consideration",
        "url",
    ]
    export_filename = "avis-marches"
    ordering = ["-published_on"]


class DetectionRuleViewSet(FrenchLabelsMixin, SnippetViewSet):
    model = DetectionRule
    icon = "search"
    menu_label = _("Règles de détection")
    list_display = ["label", "kind", "where", "active"]
    list_filter = ["kind", "active"]


class ImportRunViewSet(SnippetViewSet):
    model = ImportRun
    icon = "download"
    menu_label = _("Imports BOAMP")
    list_display = [
        "started_at",
        "status",
        "since",
        "until",
        "created",
        "changed",
        "cancelled",
        "skipped",
    ]
    list_filter = ["status"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "started_at",
        "finished_at",
        "status",
        "since",
        "until",
        "windows_done",
        "created",
        "changed",
        "cancelled",
        "unchanged",
        "skipped",
        "problems",
        "error",
    ]
    ordering = ["-started_at"]


class ContractViewSet(FrenchLabelsMixin, SnippetViewSet):
    model = Contract
    icon = "tasks"
    menu_label = _("Marchés notifiés (DECP)")
    list_display = [
        "contract_id",
        "title",
        "buyer_name",
        "buyer_kind",
        "notified_on",
        "has_social_consideration",
    ]
    list_filter = ["year", "buyer_kind", "has_social_consideration", "is_reserved"]
    search_fields = ["title", "buyer_name", "contract_id", "buyer_siret"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "contract_id",
        "buyer_siret",
        "buyer_name",
        "buyer_kind",
        "nature",
        "title",
        "cpv_code",
        "procedure",
        "amount",
        "notified_on",
        "place_code",
        "place_type",
        "social_considerations",
    ]
    list_export = [
        "contract_id",
        "buyer_siret",
        "buyer_name",
        "buyer_kind",
        "title",
        "cpv_code",
        "amount",
        "notified_on",
        "has_social_consideration",
        "has_social_clause",
        "has_social_criterion",
        "is_reserved",
    ]
    export_filename = "marches-notifies"
    ordering = ["-notified_on"]


class DecpImportRunViewSet(SnippetViewSet):
    model = DecpImportRun
    icon = "download"
    menu_label = _("Imports DECP")
    list_display = ["started_at", "status", "records", "created", "changed", "outside", "skipped"]
    list_filter = ["status"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "started_at",
        "finished_at",
        "status",
        "source",
        "records",
        "created",
        "changed",
        "unchanged",
        "outside",
        "skipped",
        "problems",
        "error",
    ]
    ordering = ["-started_at"]


class TendersViewSetGroup(ViewSetGroup):
    menu_label = _("Veille marchés")
    menu_icon = "doc-full-inverse"
    menu_order = 270
    items = (
        NoticeViewSet,
        DetectionRuleViewSet,
        ImportRunViewSet,
        ContractViewSet,
        DecpImportRunViewSet,
    )
    # "Acheteurs à rencontrer" registers with this hook: under "Veille marchés", not beside it.
    submenu_hook = "register_tenders_menu_item"


register_snippet(TendersViewSetGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("veille-marches/acheteurs/", admin_views.buyers_view, name="tenders_buyers")]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission="", **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_tenders_menu_item")
def register_buyers_menu_item():
    return PermissionMenuItem(
        _("Acheteurs à rencontrer"),
        reverse("tenders_buyers"),
        icon_name="group",
        order=600,
        permission="tenders.view_notice",
    )
