"""Admin listings in correct French.

Wagtail builds its listing labels from the model's name ("Ajouter un(e) %(model_name)s", "Il n'y a
pas de %(model_name)s à afficher"), which French grammar cannot follow: gender, elision, and the
capitalised names read "Ajouter un(e) Envoi", "Il n'y a pas de Envois". A viewset that mixes in
`FrenchLabelsMixin` names its labels whole:

    class SendViewSet(FrenchLabelsMixin, ModelViewSet):
        add_item_label = _("Ajouter un envoi")
        empty_label = _("Aucun envoi pour l'instant.")
        no_match_label = _("Aucun envoi ne correspond à votre recherche.")

Its dates read as French writes them ("1er avril 2026 à 14 h 30") with `FrenchDateColumn`; the
dashboard's panels with `admin_date_time`. Its yes/no fields read "Oui" / "Non" (Wagtail writes the
Python value, "True").
"""

from django.db import models
from django.template.loader import select_template
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from wagtail.admin.ui.tables import Column

from core.templatetags.core_text import long_date_time

RESULTS_TEMPLATE = "core/admin/index_results.html"


class FrenchLabelsMixin:
    """For a ModelViewSet or SnippetViewSet: its index view shows `add_item_label` on its button,
    and `empty_label` (nothing yet) or `no_match_label` (nothing for a search or filter) when it
    lists nothing; a label left at None keeps Wagtail's."""

    add_item_label: str | None = None
    empty_label: str | None = None
    no_match_label: str | None = None

    @cached_property
    def index_view_class(self):
        return french_labels_view(super().index_view_class, self)


def french_labels_view(view_class: type, viewset: FrenchLabelsMixin) -> type:
    """`view_class` (an index view) with the labels of `viewset`."""

    class FrenchLabelsIndexView(view_class):
        def setup(self, request, *args, **kwargs):
            super().setup(request, *args, **kwargs)
            base = self.results_template_name
            self.base_results_template = select_template(
                base if isinstance(base, (list, tuple)) else [base]
            ).template
            self.results_template_name = RESULTS_TEMPLATE

        def _get_custom_column(self, field_name, column_class=Column, **kwargs):
            if column_class is Column and _is_boolean_field(self.model, field_name):
                column_class = FrenchBooleanColumn
            return super()._get_custom_column(field_name, column_class, **kwargs)

        @cached_property
        def add_item_label(self):
            return viewset.add_item_label or super().add_item_label

        @cached_property
        def no_results_message(self):
            searching = self.is_searching or self.is_filtering
            label = viewset.no_match_label if searching else viewset.empty_label
            return label or super().no_results_message

    FrenchLabelsIndexView.__name__ = FrenchLabelsIndexView.__qualname__ = view_class.__name__
    return FrenchLabelsIndexView


def admin_date_time(value) -> str:
    """A moment as the French admin writes it, in the site's time zone: "1er avril 2026 à
    14 h 30" (core_text's long_date_time), not Django's "1 avril 2026 14:30"."""
    return long_date_time(timezone.localtime(value)) if value else ""


class FrenchDateColumn(Column):
    """A listing's date and time column written by `admin_date_time`, sortable by its field:
    `FrenchDateColumn("created_at", label=_("Inscrit le"))`."""

    def __init__(self, name: str, **kwargs):
        kwargs.setdefault("sort_key", name)
        super().__init__(name, **kwargs)

    def get_value(self, instance):
        return admin_date_time(getattr(instance, self.accessor))


def _is_boolean_field(model, field_name: str) -> bool:
    try:
        return isinstance(model._meta.get_field(field_name), models.BooleanField)
    except Exception:  # a method, a property or a relation path: not a plain field
        return False


class FrenchBooleanColumn(Column):
    """A yes/no field written "Oui" or "Non" (empty when unknown)."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return ""
        return _("Oui") if value else _("Non")
