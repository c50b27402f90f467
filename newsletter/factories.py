"""Factories of the newsletter, shared by the tests, the benchmark and the demo content."""

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from .models import Consent, ConsentSource, Purpose, Subscriber


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
