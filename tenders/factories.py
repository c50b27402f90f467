"""Factories for the watch, shared by the tests and the demo content (tenders/demo/)."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from .models import Notice, WatchPage


class WatchPageFactory(wagtail_factories.PageFactory):
    title = "Veille des marchés publics"
    slug = "veille-marches"
    intro = (
        "Les avis de marché publiés au BOAMP pour l'Hérault : ceux qui comportent une clause "
        "sociale ou un lot réservé, et ceux qui auraient dû en comporter une."
    )

    class Meta:
        model = WatchPage


class NoticeFactory(DjangoModelFactory):
    idweb = factory.Sequence(lambda n: f"26-9{n:04d}")
    title = factory.Sequence(lambda n: f"Marché d'exemple {n}")
    buyer_name = "Commune d'exemple"
    contract_kind = "SERVICES"
    published_on = factory.LazyFunction(lambda: datetime.date(2026, 9, 14))
    source_format = "aucun"

    class Meta:
        model = Notice
