"""Admin of the hub's taxonomies and of the text extracted from documents, in one "Ressources" menu."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_labels import FrenchDateColumn, FrenchLabelsMixin
from core.dashboard import DashboardListPanel, DashboardRow

from .models import Audience, DocumentText, LegalReference, Theme
from .models.documents import ExtractionStatus


class ThemeViewSet(FrenchLabelsMixin, SnippetViewSet):
    add_item_label = _("Ajouter un thème")
    empty_label = _("Aucun thème pour l'instant.")
    no_match_label = _("Aucun thème ne correspond à votre recherche.")
    model = Theme
    icon = "tag"
    menu_label = _("Thèmes")
    list_display = ["name", "slug"]
    search_fields = ["name"]
    # The taxonomies are not in the search index: the ORM filters their names (icontains).
    search_backend_name = None


class AudienceViewSet(FrenchLabelsMixin, SnippetViewSet):
    add_item_label = _("Ajouter un public")
    empty_label = _("Aucun public pour l'instant.")
    no_match_label = _("Aucun public ne correspond à votre recherche.")
    model = Audience
    icon = "group"
    menu_label = _("Publics")
    list_display = ["name", "slug"]
    search_fields = ["name"]
    # The taxonomies are not in the search index: the ORM filters their names (icontains).
    search_backend_name = None


class LegalReferenceViewSet(FrenchLabelsMixin, SnippetViewSet):
    add_item_label = _("Ajouter une référence juridique")
    empty_label = _("Aucune référence juridique pour l'instant.")
    no_match_label = _("Aucune référence juridique ne correspond à votre recherche.")
    model = LegalReference
    icon = "doc-full"
    menu_label = _("Références juridiques")
    list_display = ["name", "slug", "url"]
    search_fields = ["name"]
    # The taxonomies are not in the search index: the ORM filters their names (icontains).
    search_backend_name = None


class DocumentTextViewSet(FrenchLabelsMixin, ModelViewSet):
    """Shows editors which documents could not be read (encrypted, damaged): their text is not
    searchable until a readable file replaces them."""

    add_item_label = _("Ajouter un texte extrait")
    empty_label = _("Aucun texte extrait pour l'instant.")
    no_match_label = _("Aucun texte extrait ne correspond à votre recherche.")
    model = DocumentText
    name = "document_texts"
    url_prefix = "resources/document-texts"
    icon = "doc-full-inverse"
    menu_label = _("Textes des documents")
    list_display = [
        "document",
        Column("get_status_display", label=_("État de l'extraction"), sort_key="status"),
        "error",
        FrenchDateColumn("extracted_at", label=_("Extrait le")),
    ]
    list_filter = ["status"]
    form_fields = ["status", "text", "error"]
    inspect_view_enabled = True


class ResourcesViewSetGroup(ViewSetGroup):
    menu_label = _("Ressources")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (ThemeViewSet, AudienceViewSet, LegalReferenceViewSet, DocumentTextViewSet)


register_snippet(ResourcesViewSetGroup)


EXTRACTION_PANEL_SIZE = 5


@hooks.register("construct_homepage_panels")
def extraction_failures_panel(request, panels):
    """The documents whose text could not be read: a resource is not found by their words until a
    readable file replaces them."""
    if not request.user.has_perm("resources.view_documenttext"):
        return
    failures = (
        DocumentText.objects.exclude(status__in=[ExtractionStatus.OK, ExtractionStatus.PENDING])
        .select_related("document")
        .order_by("-extracted_at")
    )
    index = reverse(DocumentTextViewSet().get_url_name("index"))
    rows = [
        DashboardRow(
            label=failure.document.title,
            url=reverse(DocumentTextViewSet().get_url_name("inspect"), args=[failure.pk]),
            detail=failure.get_status_display(),
        )
        for failure in failures[:EXTRACTION_PANEL_SIZE]
    ]
    panels.append(
        DashboardListPanel(
            "document-extraction-failures",
            _("Documents dont le texte n'a pas pu être lu"),
            rows,
            _("Tous les documents ont été lus."),
            more_url=index if rows else "",
            more_label=_("Voir les textes des documents"),
            order=330,
        )
    )
