"""The resources of the hub (models.hub): watch notes, guides, model clauses and
reference documents, each with its taxonomies, documents and the text extracted from them."""

from django import forms
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import content_blocks
from core.cache.pages import PerGenerationRoutingMixin

from ..admin_forms import TAXONOMY_FIELDS, ResourcePageForm
from .documents import DocumentText, ExtractionStatus


class ResourceKind(models.TextChoices):
    LEGAL_WATCH = "legal_watch", _("Note de veille juridique")
    DOCUMENTARY_WATCH = "documentary_watch", _("Note de veille documentaire")
    GUIDE = "guide", _("Guide")
    MODEL_CLAUSE = "model_clause", _("Clause type")
    REFERENCE_DOCUMENT = "reference_document", _("Document de référence")


class ResourcePage(PerGenerationRoutingMixin, Page):
    kind = models.CharField(
        _("Nature"), max_length=24, choices=ResourceKind.choices, default=ResourceKind.LEGAL_WATCH
    )
    date = models.DateField(
        _("Date"), help_text=_("Date du texte, de la décision ou de la publication.")
    )
    # The date's year, kept as a column so that the search engines can filter and count by it.
    year = models.PositiveSmallIntegerField(_("Année"), editable=False, db_index=True)
    summary = models.TextField(
        _("Résumé"), help_text=_("Deux ou trois phrases : affiché dans les résultats et les flux.")
    )
    body = StreamField(content_blocks(), verbose_name=_("Contenu"), blank=True)
    source_url = models.URLField(_("Lien vers la source"), blank=True, max_length=500)
    source_label = models.CharField(
        _("Libellé de la source"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple : Légifrance, Conseil d'État, DAJ de Bercy."),
    )
    themes = ParentalManyToManyField("resources.Theme", verbose_name=_("Thèmes"), blank=True)
    audiences = ParentalManyToManyField("resources.Audience", verbose_name=_("Publics"), blank=True)
    legal_references = ParentalManyToManyField(
        "resources.LegalReference", verbose_name=_("Références juridiques"), blank=True
    )

    base_form_class = ResourcePageForm
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("source_label"), FieldPanel("source_url")], heading=_("Source")
        ),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("legal_references", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classement"),
        ),
        InlinePanel("attachments", label=_("Documents joints")),
    ]
    search_fields = Page.search_fields + [
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("taxonomy_text"),
        index.SearchField("legal_references_text"),
        index.SearchField("attachments_text"),
        index.FilterField("kind"),
        index.FilterField("date"),
        index.FilterField("year"),
        index.FilterField("themes"),
        index.FilterField("audiences"),
        index.FilterField("legal_references"),
    ]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    template = "resources/resource_page.html"

    class Meta:
        verbose_name = _("Ressource")
        verbose_name_plural = _("Ressources")
        ordering = ["-date"]

    def save(self, *args, **kwargs):
        if self.date:
            self.year = self.date.year
        self.localize_taxonomies()
        result = super().save(*args, **kwargs)
        # modelcluster commits the attachments and taxonomies after post_save, when the index entry
        # is already written without them: write it again now that they are in the database.
        index.insert_or_update_object(self)
        return result

    def full_clean(self, *args, **kwargs):
        if self.date:
            self.year = self.date.year
        # Before the revision is written from this instance (save_revision cleans first).
        self.localize_taxonomies()
        return super().full_clean(*args, **kwargs)

    def localize_taxonomies(self):
        """Point the themes, audiences and legal references to their translations in the page's
        language. wagtail-localize copies many-to-many values as they are, so a translated page
        would keep the source language's items (and the English hub would filter and count the
        French ones); an item not translated yet is kept as it is."""
        if self.locale_id is None:
            return
        for name in TAXONOMY_FIELDS:
            items = list(getattr(self, name).all())
            foreign = [item.translation_key for item in items if item.locale_id != self.locale_id]
            if not foreign:
                continue
            model = self._meta.get_field(name).related_model
            translations = {
                item.translation_key: item
                for item in model.objects.filter(
                    locale_id=self.locale_id, translation_key__in=foreign
                )
            }
            setattr(
                self,
                name,
                [
                    translations.get(item.translation_key, item)
                    if item.locale_id != self.locale_id
                    else item
                    for item in items
                ],
            )

    def taxonomy_text(self):
        """Names of the page's themes and audiences, so that a search for a theme finds its pages."""
        names = [t.name for t in self.themes.all()]
        names += [a.name for a in self.audiences.all()]
        return " ".join(names)

    def legal_references_text(self):
        """Names of the legal references the page is classed under, so that "L2113-13" finds it (the
        search backend indexes the reference as one token: core.search.analysis). Weighed like a
        summary, above the body (settings.SEARCH_FIELD_WEIGHTS): the editor who classes a note
        under an article says the note is about it, where a body may only cite it in a list."""
        return " ".join(r.name for r in self.legal_references.all())

    def attachments_text(self):
        """The extracted text of the attached documents whose extraction succeeded: a corrupt or
        encrypted file adds nothing, so the index never holds a half-read document. Reads through
        the attachments, so that a bulk reindex can prefetch them."""
        texts = []
        for attachment in self.attachments.all():
            try:
                record = attachment.document.extracted_text
            except DocumentText.DoesNotExist:
                continue
            if record.status == ExtractionStatus.OK:
                texts.append(record.text)
        return "\n".join(texts)

    def body_text(self):
        return strip_tags(self.body.render_as_block()) if self.body else ""

    def search_text(self):
        """Everything a visitor's words may match in, as plain text: for the highlighted passage."""
        return "\n".join(
            part for part in (self.summary, self.body_text(), self.attachments_text()) if part
        )

    def related_resources(self, limit=4):
        """Live resources of the same language sharing a theme or a legal reference, newest first."""
        theme_ids = list(self.themes.values_list("pk", flat=True))
        reference_ids = list(self.legal_references.values_list("pk", flat=True))
        return (
            ResourcePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .filter(models.Q(themes__in=theme_ids) | models.Q(legal_references__in=reference_ids))
            .exclude(pk=self.pk)
            .distinct()
            .order_by("-date")[:limit]
        )


class ResourceAttachment(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    description = models.CharField(_("Description"), max_length=250, blank=True)

    panels = [FieldPanel("document"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("Document joint")
        verbose_name_plural = _("Documents joints")
