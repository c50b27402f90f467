"""Factories of the newsletter, shared by the tests, the benchmark and the demo content."""

from django.utils import timezone

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from core.factories import paragraph

from .models import (
    Consent,
    ConsentSource,
    NewsletterIndexPage,
    NewsletterPage,
    Purpose,
    Subscriber,
)


class SubscriberFactory(DjangoModelFactory):
    """A subscriber whose newsletter consent is confirmed (pass `consent=None` for none)."""

    email = factory.Sequence(lambda n: f"abonne{n}@example.org")
    name = ""
    language = "fr"
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscriber
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        if create and extracted:
            self.audiences.set(extracted)

    @factory.post_generation
    def consent(self, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        if not self.consents.exists():
            Consent.objects.create(
                subscriber=self,
                purpose=Purpose.NEWSLETTER,
                source=ConsentSource.FORM,
                wording="J'accepte de recevoir la lettre d'information.",
                ip_address="192.0.2.1",
                confirmed_at=timezone.now(),
            )


def digest(title, source="content_pages", count=3):
    return ("digest", {"title": title, "source": source, "count": count})


class NewsletterIndexPageFactory(wagtail_factories.PageFactory):
    title = "La lettre d'information"
    slug = "lettre-information"
    intro = "Les lettres d'information de la mission, de la plus récente à la plus ancienne."

    class Meta:
        model = NewsletterIndexPage


class NewsletterPageFactory(wagtail_factories.PageFactory):
    """An issue; `body` takes (block type, value) pairs, as home.factories' helpers build them."""

    title = factory.Sequence(lambda n: f"Lettre n° {n + 1}")
    preheader = "L'actualité des clauses sociales dans l'Hérault."
    intro = "Les nouvelles de la mission et du réseau des facilitateurs."
    body = factory.LazyFunction(
        lambda: [
            paragraph("<p>Les marchés réservés progressent dans l'Hérault.</p>"),
            digest("À lire sur le site"),
        ]
    )

    class Meta:
        model = NewsletterPage
