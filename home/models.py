"""The public site: home page, standard content pages, the contact form, and the site-wide settings
(contact details, social links, main menu) that every page's header and footer read."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin, get_page_models
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import RICH_TEXT_FEATURES, content_blocks
from core.cache.pages import PerGenerationRoutingMixin
from core.forms import HONEYPOT_FIELD
from core.ratelimit import over_limit, rate_limited

from .blocks import home_blocks
from .forms import ContactFormBuilder
from .tasks import send_contact_email

INTRO_FEATURES = ["bold", "italic", "link"]


class HomePage(PerGenerationRoutingMixin, Page):
    hero_title = models.CharField(_("Accroche"), max_length=200)
    hero_text = RichTextField(_("Texte d'introduction"), features=INTRO_FEATURES)
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Page du bouton principal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_label = models.CharField(_("Libellé du bouton principal"), max_length=80, blank=True)
    body = StreamField(home_blocks(), verbose_name=_("Contenu"), blank=True)
    show_contact_block = models.BooleanField(
        _("Afficher le bloc contact"),
        default=True,
        help_text=_("Adresse, téléphone et courriel repris des réglages du site."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldRowPanel([PageChooserPanel("hero_link"), FieldPanel("hero_link_label")]),
            ],
            heading=_("En-tête de la page d'accueil"),
        ),
        FieldPanel("body"),
        FieldPanel("show_contact_block"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("hero_title"),
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "home/home_page.html"

    @classmethod
    def clean_subpage_models(cls):
        """The page types that name the home page in their parent_page_types: each app says which
        of its pages go under the home page, so that a new app touches no other. (Without
        subpage_types Wagtail would also allow the types that name no parent, its base Page.)"""
        if cls._clean_subpage_models is None:
            cls._clean_subpage_models = [
                model
                for model in get_page_models()
                if getattr(model, "parent_page_types", None) is not None
                and cls in model.clean_parent_page_models()
            ]
        return cls._clean_subpage_models

    class Meta:
        verbose_name = _("Page d'accueil")
        verbose_name_plural = _("Pages d'accueil")


class ContentPage(PerGenerationRoutingMixin, Page):
    """A standard page: the mission, social clauses explained, legal notices, accessibility..."""

    intro = models.TextField(
        _("Chapô"), blank=True, help_text=_("Une ou deux phrases qui résument la page.")
    )
    body = StreamField(content_blocks(), verbose_name=_("Contenu"))
    show_table_of_contents = models.BooleanField(
        _("Afficher le sommaire"),
        default=False,
        help_text=_("Liste les titres de section en haut de la page."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("show_table_of_contents"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]
    template = "home/content_page.html"

    class Meta:
        verbose_name = _("Page de contenu")
        verbose_name_plural = _("Pages de contenu")

    def table_of_contents(self):
        return [
            {"text": block.value["text"], "anchor": block.id}
            for block in self.body
            if block.block_type == "heading" and block.value["level"] == "h2"
        ]


class ContactFormField(TranslatableMixin, AbstractFormField):
    """Translatable, so that the English contact page asks its questions in English; the field's
    clean_name stays the French one in every language, so submissions keep the same keys."""

    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")
    override_translatable_fields = [SynchronizedField("clean_name")]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class ContactPage(AbstractEmailForm):
    """The contact form: submissions are stored in Wagtail and emailed to the team. A honeypot field and a
    per-address rate limit keep robots out (see home/forms.py and home/views.py)."""

    intro = RichTextField(_("Introduction"), blank=True, features=INTRO_FEATURES)
    thank_you_text = RichTextField(
        _("Message de remerciement"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Affiché après l'envoi du formulaire."),
    )
    privacy_notice = RichTextField(
        _("Mention sur les données personnelles"),
        blank=True,
        features=INTRO_FEATURES,
        help_text=_("Affichée sous le formulaire : finalité, durée de conservation, droits."),
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Champs du formulaire")),
        FieldPanel("thank_you_text"),
        FieldPanel("privacy_notice"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Courriel envoyé à l'équipe"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    form_builder = ContactFormBuilder
    template = "home/contact_page.html"
    landing_page_template = "home/contact_page_landing.html"

    class Meta:
        verbose_name = _("Page de contact")
        verbose_name_plural = _("Pages de contact")

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        form.label_suffix = ""
        return form

    def process_form_submission(self, form):
        # The honeypot is checked in the form's clean(); the stored data leaves it out. The team is
        # emailed even when the page names no address of its own (CONTACT_EMAIL).
        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        submission = FormMixin.process_form_submission(self, form)
        self.send_mail(form)
        return submission

    def send_mail(self, form):
        addresses = [x.strip() for x in (self.to_address or settings.CONTACT_EMAIL).split(",")]
        reply_to = form.cleaned_data.get("email") or form.cleaned_data.get("courriel")
        send_contact_email.enqueue(
            subject=self.email_subject(form),
            body=self.render_email(form),
            from_email=self.from_address or settings.DEFAULT_FROM_EMAIL,
            to=addresses,
            reply_to=[reply_to] if reply_to else [],
        )

    def email_subject(self, form):
        """The page's subject, followed by the topic the visitor chose (the form's first
        drop-down or radio field), so that the team can sort its mail: "… — Marché réservé"."""
        subject = self.subject or str(_("Nouveau message depuis le site"))
        for field in self.get_form_fields():
            if field.field_type in ("dropdown", "radio"):
                topic = form.cleaned_data.get(field.clean_name)
                if topic:
                    return f"{subject} — {topic}"[:250]
        return subject

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and over_limit(
            request, "contact-form", settings.CONTACT_RATE_LIMIT
        ):
            return rate_limited(request)
        return super().serve(request, *args, **kwargs)


@register_setting(icon="mail")
class ContactSettings(BaseGenericSetting):
    """Who the mission is and how to reach it: shown in the footer, the home page and the contact page."""

    organisation = models.CharField(
        _("Nom de la structure"),
        max_length=200,
        default="Mission Interinstitutionnelle Clause Sociale 34",
    )
    host_organisation = models.CharField(
        _("Structure porteuse"),
        max_length=200,
        blank=True,
        default="APSH 34 — Axe transversal de l'emploi",
    )
    address = models.TextField(
        _("Adresse postale"),
        blank=True,
        default="59 avenue de Fès, Henri Bertin Sans (bâtiment C)\n34080 Montpellier",
    )
    phone = models.CharField(_("Téléphone"), max_length=40, blank=True, default="04 99 13 76 84")
    email = models.EmailField(_("Courriel"), blank=True, default="contact@clausesociale34.fr")
    facebook_url = models.URLField(_("Page Facebook"), blank=True)
    linkedin_url = models.URLField(_("Page LinkedIn"), blank=True)
    eu_cofunded = models.BooleanField(
        _("Cofinancé par l'Union européenne"),
        default=True,
        help_text=_(
            "Affiche l'emblème européen et la mention de cofinancement dans le pied de page."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("host_organisation"), FieldPanel("address")],
            heading=_("Structure"),
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Coordonnées")),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("linkedin_url")], heading=_("Réseaux sociaux")
        ),
        FieldPanel("eu_cofunded"),
    ]

    class Meta:
        verbose_name = _("Coordonnées et réseaux")

    @property
    def phone_href(self):
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        return "tel:+33" + digits[1:] if digits.startswith("0") else "tel:" + digits

    @property
    def social_links(self):
        return [
            (label, url)
            for label, url in (("Facebook", self.facebook_url), ("LinkedIn", self.linkedin_url))
            if url
        ]


@register_setting(icon="list-ul")
class NavigationSettings(ClusterableModel, BaseSiteSetting):
    """The main menu and the footer links, chosen by editors. Each entry is a page: its title follows the
    language of the visitor, so one menu serves French and English."""

    panels = [
        InlinePanel("main_menu_items", label=_("Menu principal"), max_num=7),
        InlinePanel("footer_items", label=_("Liens du pied de page")),
    ]

    class Meta:
        verbose_name = _("Navigation")


class MenuItemBase(Orderable):
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("Page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        if self.page_id and not self.page.specific_class:
            raise ValidationError({"page": _("Cette page n'existe plus.")})


class MainMenuItem(MenuItemBase):
    settings = ParentalKey(
        NavigationSettings, on_delete=models.CASCADE, related_name="main_menu_items"
    )


class FooterItem(MenuItemBase):
    settings = ParentalKey(
        NavigationSettings, on_delete=models.CASCADE, related_name="footer_items"
    )


def latest_content_pages(locale, limit, *, before=None, option=""):
    """The digest source of the site's pages (core.digest): the latest content pages, less the
    utility pages linked from the footer (legal notice, accessibility, personal data) in any
    language."""
    utility_keys = Page.objects.filter(pk__in=FooterItem.objects.values("page_id")).values(
        "translation_key"
    )
    pages = (
        ContentPage.objects.live()
        .public()
        .filter(locale=locale)
        .exclude(translation_key__in=utility_keys)
    )
    if before is not None:
        pages = pages.filter(first_published_at__lte=before)
    return pages.order_by("-first_published_at")[:limit]
