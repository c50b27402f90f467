"""The newsletter on the web: an archive page and one page per issue, which is also the email."""

from django import forms
from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from ..blocks import newsletter_blocks


class NewsletterIndexPage(Page):
    """The archive of the published issues, newest first."""

    intro = models.TextField(_("Introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletter.NewsletterPage"]
    max_count_per_parent = 1
    template = "newsletter/newsletter_index_page.html"

    class Meta:
        verbose_name = _("Archives de la lettre d'information")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issues"] = self.issues()
        return context

    def issues(self):
        """The published issues, newest first; an archive in another language than the site's
        that has none of its own lists the issues of the default language's archive."""
        issues = NewsletterPage.objects.child_of(self).live().public()
        if not issues.exists() and self.locale_id != Locale.get_default().pk:
            source = self.get_translation_or_none(Locale.get_default())
            if source is not None:
                issues = NewsletterPage.objects.child_of(source).live().public()
        return issues.select_related("locale").order_by("-first_published_at")


class NewsletterPage(Page):
    """One issue: published on the web in the archive, and sent by email from the admin."""

    preheader = models.CharField(
        _("Texte d'aperçu"),
        max_length=150,
        blank=True,
        help_text=_(
            "Affiché par les messageries à côté de l'objet, avant l'ouverture du courriel."
        ),
    )
    intro = models.TextField(_("Chapô"), blank=True)
    body = StreamField(newsletter_blocks(), verbose_name=_("Contenu"))
    audiences = ParentalManyToManyField(
        "newsletter.Audience",
        verbose_name=_("Publics visés"),
        blank=True,
        help_text=_(
            "Proposés par défaut à l'envoi. Les abonnés à « Toute l'actualité » reçoivent chaque lettre."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("preheader"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]
    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []
    template = "newsletter/newsletter_page.html"

    preview_modes = [("web", _("Page web")), ("email", _("Courriel"))]
    default_preview_mode = "email"

    class Meta:
        verbose_name = _("Lettre d'information")
        verbose_name_plural = _("Lettres d'information")

    def serve_preview(self, request, mode_name):
        if mode_name == "email":
            from ..rendering import email_preview_policy, render_campaign

            # The email's inline styles are what subscribers see; the site's policy forbids them.
            # The preview carries a policy of its own, which the CSP middleware leaves in place:
            # inline styles and the site's images only, no script, in a sandbox of its own origin.
            response = HttpResponse(render_campaign(self, preview=True).html)
            response["Content-Security-Policy"] = email_preview_policy()
            return response
        return super().serve_preview(request, "")
