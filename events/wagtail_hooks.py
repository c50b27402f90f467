"""Admin of the registrations (moderators): the list per event with its figures, filters, CSV and
XLSX export, attendance; in an "Agenda" menu."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_labels import FrenchLabelsMixin

from .models import Registration


class RegistrationViewSet(FrenchLabelsMixin, ModelViewSet):
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
        Column("get_status_display", label=_("État"), sort_key="status"),
        "organisation",
        "created_at",
        "attended",
    ]
    list_filter = ["event", "status", "organisation_kind", "attended"]
    search_fields = ["name", "email", "organisation"]
    list_export = [
        "event",
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


@hooks.register("register_admin_viewset")
def register_agenda_viewsets():
    return AgendaViewSetGroup()
