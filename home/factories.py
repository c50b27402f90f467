"""Factories of the public site's pages, of the contact form's fields and of the home page's own blocks.

Shared by the tests and by the demo content (home.demo). The content blocks' factories and value
helpers (`heading()`, `paragraph()`...) and the media factories are core's (core.factories)."""

from wagtail import blocks as wagtail_blocks

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from core.factories import CharBlockFactory, ContentStreamBlockFactory
from home import blocks
from home.models import ContactFormField, ContactPage, ContentPage, HomePage


def work_axis(title, actions, number=""):
    return {"number": number, "title": title, "actions": list(actions)}


def work_axes(axes, title=""):
    """`axes`: dicts from work_axis(). Home page only."""
    return ("work_axes", {"title": title, "axes": list(axes)})


class WorkAxisBlockFactory(wagtail_factories.StructBlockFactory):
    number = "1"
    title = "Le pôle ressources et coordination"
    actions = wagtail_factories.ListBlockFactory(CharBlockFactory)

    class Meta:
        model = blocks.WorkAxisBlock


class WorkAxesBlockFactory(wagtail_factories.StructBlockFactory):
    title = "Deux axes de travail"
    axes = wagtail_factories.ListBlockFactory(WorkAxisBlockFactory)

    class Meta:
        model = blocks.WorkAxesBlock


HomeStreamBlock = type("HomeStreamBlock", (wagtail_blocks.StreamBlock,), dict(blocks.home_blocks()))


class HomeStreamBlockFactory(ContentStreamBlockFactory):
    work_axes = factory.SubFactory(WorkAxesBlockFactory)

    class Meta:
        model = HomeStreamBlock


class HomePageFactory(wagtail_factories.PageFactory):
    """A home page; without `parent` it becomes a new tree root, so tests usually pass
    `parent=Page.get_first_root_node()` and make it a Site's root page."""

    title = "Accueil"
    hero_title = "Vous accompagner dans l'achat socialement responsable"
    hero_text = (
        "<p>La Mission Interinstitutionnelle Clause Sociale 34 aide les acheteurs publics de "
        "l'Hérault à insérer des clauses sociales dans leurs marchés.</p>"
    )
    hero_link_label = ""
    body = wagtail_factories.StreamFieldFactory(HomeStreamBlockFactory)

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page de contenu {n}")
    intro = "Ce que la mission propose aux acheteurs publics de l'Hérault."
    body = wagtail_factories.StreamFieldFactory(ContentStreamBlockFactory)
    show_table_of_contents = False

    class Meta:
        model = ContentPage


class ContactPageFactory(wagtail_factories.PageFactory):
    """A contact page with the five usual fields (Nom, Courriel, Organisation, Objet, Message);
    `form_fields=[]` gives none, `form_fields=[{"label": …, "field_type": …}, …]` gives those."""

    title = "Contact"
    intro = "<p>Une question sur les clauses sociales ? Écrivez à l'équipe de la MICS 34.</p>"
    thank_you_text = "<p>Merci, votre message a bien été envoyé.</p>"
    privacy_notice = (
        "<p>Vos données servent uniquement à répondre à votre demande et sont conservées "
        "12 mois.</p>"
    )
    to_address = "contact@clausesociale34.fr"
    from_address = ""
    subject = "Nouveau message depuis clausesociale34.fr"

    class Meta:
        model = ContactPage
        skip_postgeneration_save = True

    @factory.post_generation
    def form_fields(obj, create, extracted, **kwargs):
        if not create:
            return
        fields = default_contact_fields() if extracted is None else extracted
        for sort_order, field in enumerate(fields):
            ContactFormFieldFactory(page=obj, sort_order=sort_order, **field)


def default_contact_fields():
    """The contact form's fields, as keyword arguments for ContactFormFieldFactory."""
    return [
        {"label": "Nom", "field_type": "singleline", "required": True},
        {"label": "Courriel", "field_type": "email", "required": True},
        {
            "label": "Organisation",
            "field_type": "singleline",
            "required": False,
            "help_text": "Collectivité, entreprise, structure d'insertion…",
        },
        {
            "label": "Objet",
            "field_type": "dropdown",
            "required": False,
            "choices": "\n".join(CONTACT_SUBJECTS),
        },
        {"label": "Message", "field_type": "multiline", "required": True},
    ]


CONTACT_SUBJECTS = [
    "Insérer une clause sociale dans un marché",
    "Rejoindre le réseau des facilitateurs",
    "Recruter grâce aux clauses sociales",
    "Proposer une rencontre ou un événement",
    "Autre demande",
]


class ContactFormFieldFactory(DjangoModelFactory):
    page = factory.SubFactory(ContactPageFactory)
    sort_order = factory.Sequence(int)
    label = factory.Sequence(lambda n: f"Champ {n}")
    field_type = "singleline"
    required = True
    choices = ""
    default_value = ""
    help_text = ""

    class Meta:
        model = ContactFormField
