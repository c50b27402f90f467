"""The observatory in the admin: the operations (a snippet whose listing, edit, delete and history
follow `observatory.access`), the yearly campaigns (submit, approve, send back) and the CSV/XLSX
import, in one "Observatoire" menu."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from . import access, admin_views
from .forms import OperationForm
from .models import Operation
from .models.choices import CONTRACTS, OUTCOMES, PUBLICS


class OperationPermissionPolicy(ModelPermissionPolicy):
    """The model's rights, narrowed to the person's territories (observatory.access)."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action in ("change", "delete"):
            return access.may_change(user, instance)
        return access.may_see(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Operation.objects.none()
        if set(actions) <= {"change", "delete"}:
            return access.changeable_operations(user)
        return access.visible_operations(user)


class InstanceChecked:
    permission_action = "change"

    def get_object(self, queryset=None):
        operation = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.permission_action, operation
        ):
            raise PermissionDenied
        return operation


class EditView(InstanceChecked, snippet_views.EditView):
    pass


class DeleteView(InstanceChecked, snippet_views.DeleteView):
    permission_action = "delete"


class HistoryView(InstanceChecked, snippet_views.HistoryView):
    permission_action = "view"


class UsageView(InstanceChecked, snippet_views.UsageView):
    permission_action = "view"


def counts_panel(heading, fields):
    return MultiFieldPanel([FieldRowPanel([FieldPanel(name) for name, _l in fields])], heading)


class OperationViewSet(SnippetViewSet):
    model = Operation
    icon = "table"
    menu_label = _("Opérations")
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    list_display = ["year", "buyer_name", "contract_object", "territory_code", "status"]
    list_filter = ["year", "status", "sector", "clause_type", "is_demo"]
    search_fields = ["buyer_name", "contract_object", "contract_reference"]
    ordering = ["-year", "buyer_name"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("year"), FieldPanel("status")]),
            FieldPanel("facilitator_id"),
            FieldPanel("territory_code"),
            MultiFieldPanel(
                [
                    FieldPanel("contract_reference"),
                    FieldPanel("contract_object"),
                    FieldRowPanel([FieldPanel("buyer_name"), FieldPanel("buyer_kind")]),
                    FieldRowPanel([FieldPanel("sector"), FieldPanel("clause_type")]),
                ],
                _("Marché"),
            ),
            FieldRowPanel([FieldPanel("hours_planned"), FieldPanel("hours_achieved")]),
            FieldPanel("participants"),
            counts_panel(_("Participants par public"), PUBLICS),
            counts_panel(_("Contrats des participants"), CONTRACTS),
            counts_panel(_("Sorties à six mois (si connues)"), OUTCOMES),
            FieldPanel("is_demo"),
        ],
        base_form_class=OperationForm,
    )

    def get_queryset(self, request):
        return access.visible_operations(request.user)


class ObservatoryMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("observatory.view_operation")


register_permission_policy(Operation, OperationPermissionPolicy(Operation))
register_snippet(OperationViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("observatoire/campagnes/", admin_views.campaigns, name="observatory_campaigns"),
        path("observatoire/import/", admin_views.import_view, name="observatory_import"),
        path(
            "observatoire/modele.<str:fmt>",
            admin_views.import_template,
            name="observatory_import_template",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_observatory_menu():
    """One "Observatoire" entry in the admin's menu: the operations, the campaigns, the import;
    shown to whoever may see the operations."""
    return SubmenuMenuItem(
        _("Observatoire"),
        Menu(
            items=[
                ObservatoryMenuItem(
                    _("Opérations"),
                    reverse("wagtailsnippets_observatory_operation:list"),
                    icon_name="table",
                    order=1,
                ),
                ObservatoryMenuItem(
                    _("Campagnes de l'observatoire"),
                    reverse("observatory_campaigns"),
                    icon_name="tasks",
                    order=2,
                ),
                ObservatoryMenuItem(
                    _("Importer des opérations"),
                    reverse("observatory_import"),
                    icon_name="upload",
                    order=3,
                ),
            ]
        ),
        name="observatoire",
        icon_name="table",
        order=280,
    )
