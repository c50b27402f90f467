"""Admin of the registrations (moderators): the list per event and date with its figures, filters,
CSV and XLSX export, attendance, the requests that wait for approval, and the sign-in sheets; in an
"Agenda" menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_labels import FrenchLabelsMixin

from . import admin_views
from .models import Registration


class ModerationColumn(Column):
    """A link to accept or refuse, on the requests that wait for approval."""

    cell_template_name = "events/admin/moderation_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if instance.status == "pending":
            context["moderate_url"] = reverse("events_moderate_registration", args=(instance.pk,))
        return context


class RegistrationIndexView(IndexView):
    """The list and its exports read each row's event and date with the row (one query for the
    page, not one per row)."""

    def get_base_queryset(self):
        return (
            super().get_base_queryset().select_related("event", "occurrence", "occurrence__event")
        )


class RegistrationViewSet(FrenchLabelsMixin, ModelViewSet):
    index_view_class = RegistrationIndexView
    add_item_label = _("Ajouter une inscription")
    empty_label = _("Aucune inscription pour l'instant.")
    no_match_label = _("Aucune inscription ne correspond à votre recherche.")
    model = Registration
    name = "registrations"
    url_prefix = "events/registrations"
    icon = "group"
    menu_label = _("Inscriptions")
    add_to_admin_menu = False
    list_display = [
        "name",
        "email",
        "event",
        Column("occurrence", label=_("Date")),
        Column("get_status_display", label=_("État"), sort_key="status"),
        ModerationColumn("moderation", label=_("Validation")),
        "organisation",
        "created_at",
        "attended",
    ]
    # Not by date: a weekly series has hundreds (the sign-in sheets list them by period).
    list_filter = ["event", "status", "organisation_kind", "attended"]
    search_fields = ["name", "email", "organisation"]
    list_export = [
        "event",
        "occurrence",
        "name",
        "email",
        "organisation",
        "organisation_kind",
        "accessibility_needs",
        "diet",
        "status",
        "created_at",
        "attended",
    ]
    export_headings = {
        "event": _("Événement"),
        "occurrence": _("Date"),
        "name": _("Nom et prénom"),
        "email": _("Adresse électronique"),
        "organisation": _("Structure"),
        "organisation_kind": _("Type de structure"),
        "accessibility_needs": _("Besoins d'accessibilité"),
        "diet": _("Régime alimentaire"),
        "status": _("État"),
        "created_at": _("Inscrit le"),
        "attended": _("Présent"),
    }
    export_filename = "inscriptions"
    # The state moves only through events.booking (places, waiting list): not edited by hand.
    form_fields = ["name", "organisation", "organisation_kind", "attended"]
    inspect_view_enabled = True
    ordering = ["event", "created_at"]


class AgendaViewSetGroup(ViewSetGroup):
    menu_label = _("Agenda")
    menu_icon = "date"
    menu_order = 260
    items = (RegistrationViewSet,)
    # Other entries of the "Agenda" menu (the sign-in sheets) register with this hook.
    submenu_hook = "register_agenda_menu_item"


@hooks.register("register_admin_viewset")
def register_agenda_viewsets():
    return AgendaViewSetGroup()


@hooks.register("register_admin_urls")
def register_agenda_admin_urls():
    return [
        path(
            "events/registrations/<int:pk>/moderation/",
            admin_views.moderate,
            name="events_moderate_registration",
        ),
        path("events/sign-in/", admin_views.sign_in_sheets, name="events_sign_in_sheets"),
        path(
            "events/sign-in/<int:event_id>/",
            admin_views.sign_in_sheet,
            name="events_sign_in_sheet",
        ),
        path(
            "events/sign-in/<int:event_id>/<int:occurrence_id>/",
            admin_views.sign_in_sheet,
            name="events_sign_in_sheet_date",
        ),
    ]


class SignInSheetsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("events.view_registration")


@hooks.register("register_agenda_menu_item")
def register_sign_in_sheets_menu_item():
    """In the "Agenda" menu, after the registrations."""
    return SignInSheetsMenuItem(
        _("Feuilles d'émargement"),
        reverse("events_sign_in_sheets"),
        name="sign-in-sheets",
        icon_name="doc-full",
        order=2,
    )
