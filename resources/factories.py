"""Factories for the resource hub, shared by the tests and the demo content (resources/demo.py)."""

import datetime

from django.utils.text import slugify

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from core.factories import ContentStreamBlockFactory

from .models import (
    Audience,
    LegalReference,
    ResourceAttachment,
    ResourceIndexPage,
    ResourceKind,
    ResourcePage,
    Theme,
)


class TaxonomyFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name)[:80])
    locale = factory.LazyFunction(lambda: _default_locale())


def _default_locale():
    from wagtail.models import Locale

    return Locale.get_default()


class ThemeFactory(TaxonomyFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug", "locale")


class AudienceFactory(TaxonomyFactory):
    name = factory.Sequence(lambda n: f"Public {n}")

    class Meta:
        model = Audience
        django_get_or_create = ("slug", "locale")


class LegalReferenceFactory(TaxonomyFactory):
    name = factory.Sequence(lambda n: f"CCP L2113-{n}")

    class Meta:
        model = LegalReference
        django_get_or_create = ("slug", "locale")


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Centre de ressources"
    slug = "ressources"
    intro = "Veille juridique et documentaire, guides et clauses types pour les acheteurs publics."

    class Meta:
        model = ResourceIndexPage


def _set(page, create, relation, items):
    """Post-generation of a many-to-many relation of a resource page: set it, then save."""
    if items:
        getattr(page, relation).set(items)
        if create:
            page.save()


class ResourcePageFactory(wagtail_factories.PageFactory):
    """A resource; pass `themes=[...]`, `audiences=[...]`, `legal_references=[...]` as lists."""

    title = factory.Sequence(lambda n: f"Note de veille {n}")
    kind = ResourceKind.LEGAL_WATCH
    date = datetime.date(2025, 1, 15)
    summary = "Ce que change le texte pour les acheteurs publics."
    body = wagtail_factories.StreamFieldFactory(ContentStreamBlockFactory)

    class Meta:
        model = ResourcePage
        skip_postgeneration_save = True

    themes = factory.PostGeneration(
        lambda obj, create, extracted, **kw: _set(obj, create, "themes", extracted)
    )
    audiences = factory.PostGeneration(
        lambda obj, create, extracted, **kw: _set(obj, create, "audiences", extracted)
    )
    legal_references = factory.PostGeneration(
        lambda obj, create, extracted, **kw: _set(obj, create, "legal_references", extracted)
    )

    @factory.post_generation
    def documents(obj, create, extracted, **kwargs):
        if extracted:
            obj.attachments = [
                ResourceAttachment(document=document, sort_order=index)
                for index, document in enumerate(extracted)
            ]
            if create:
                obj.save()
