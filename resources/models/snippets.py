"""The taxonomies editors manage: themes, audiences and legal references, translatable."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class TaxonomyBase(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("Nom"), max_length=160)
    slug = models.SlugField(
        _("Identifiant dans l'adresse"),
        max_length=80,
        allow_unicode=False,
        help_text=_(
            "Utilisé dans l'adresse des recherches filtrées ; identique dans chaque langue."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Theme(TaxonomyBase):
    class Meta(TaxonomyBase.Meta):
        verbose_name = _("Thème")
        verbose_name_plural = _("Thèmes")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Audience(TaxonomyBase):
    class Meta(TaxonomyBase.Meta):
        verbose_name = _("Public")
        verbose_name_plural = _("Publics")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class LegalReference(TaxonomyBase):
    """An article of law or a text: "CCP L2113-13", "Loi 2021-1104 art. 35", "Directive 2014/24/UE"."""

    url = models.URLField(_("Lien vers le texte (Légifrance, EUR-Lex…)"), blank=True)

    panels = TaxonomyBase.panels + [FieldPanel("url")]

    class Meta(TaxonomyBase.Meta):
        verbose_name = _("Référence juridique")
        verbose_name_plural = _("Références juridiques")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
