"""Admin listings in correct French.

Wagtail builds its listing labels from the model's name ("Ajouter un(e) %(model_name)s", "Il n'y a
pas de %(model_name)s à afficher"), which French grammar cannot follow: gender, elision, and the
capitalised names read "Ajouter un(e) Envoi", "Il n'y a pas de Envois". A viewset that mixes in
`FrenchLabelsMixin` names its labels whole:

    class SendViewSet(FrenchLabelsMixin, ModelViewSet):
        add_item_label = _("Ajouter un envoi")
        empty_label = _("Aucun envoi pour l'instant.")
        no_match_label = _("Aucun envoi ne correspond à votre recherche.")
"""

from django.template.loader import select_template
from django.utils.functional import cached_property

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
