"""Factories for the agenda, shared by the tests and the demo content (events/demo/)."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from core.factories import ContentStreamBlockFactory

from .models import AgendaPage, EventKind, EventPage, Registration, RegistrationStatus


class AgendaPageFactory(wagtail_factories.PageFactory):
    title = "Agenda"
    slug = "agenda"
    intro = "Les réunions, formations et rencontres de la mission."

    class Meta:
        model = AgendaPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Réunion technique des facilitateurs n° {n}")
    kind = EventKind.TECHNICAL
    summary = "Les facilitateurs de l'Hérault font le point sur les marchés en cours."
    body = wagtail_factories.StreamFieldFactory(ContentStreamBlockFactory)
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
    start_time = datetime.time(9, 30)
    end_time = datetime.time(12, 0)
    venue = "Maison de l'emploi"
    street_address = "59 avenue de Fès"
    postal_code = "34080"
    city = "Montpellier"

    class Meta:
        model = EventPage


class RegistrationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Personne {n}")
    email = factory.Sequence(lambda n: f"personne{n}@example.org")
    status = RegistrationStatus.CONFIRMED

    class Meta:
        model = Registration
