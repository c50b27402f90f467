"""Factories for the directory, shared by the tests and the demo content (directory/demo/)."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from stdnum import luhn

from .models import Actor, ActorKind, Contact, DirectoryPage


def valid_siret(number: int) -> str:
    """A valid SIRET made from any number: a SIREN whose Luhn key holds, then an establishment number
    that makes the whole SIRET's key hold too."""
    digits = f"{number:012d}"[-12:]
    siren = digits[:8] + luhn.calc_check_digit(digits[:8])
    body = siren + digits[8:]
    return body + luhn.calc_check_digit(body)


class DirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Annuaire des acteurs"
    slug = "annuaire"
    intro = (
        "Trouvez le facilitateur de clauses sociales de votre territoire et les structures "
        "d'insertion et du handicap qui peuvent réaliser vos marchés."
    )

    class Meta:
        model = DirectoryPage


def _set(actor, create, relation, items):
    """Post-generation of a parental many-to-many relation: set it, then save (which writes it)."""
    if items is not None:
        getattr(actor, relation).set(items)
        if create:
            actor.save()


class ActorFactory(DjangoModelFactory):
    """An actor; pass `communes=[...]`, `epcis=[...]`, `sectors=[...]` as lists (objects or codes)."""

    name = factory.Sequence(lambda n: f"Structure d'insertion {n}")
    kind = ActorKind.EI
    description = "Structure d'insertion par l'activité économique du territoire."
    siret = factory.Sequence(lambda n: valid_siret(40_000_000_000 + n))
    verified_on = datetime.date(2026, 1, 15)
    published = True

    class Meta:
        model = Actor
        skip_postgeneration_save = True

    communes = factory.PostGeneration(
        lambda obj, create, extracted, **kw: _set(obj, create, "communes", extracted)
    )
    epcis = factory.PostGeneration(
        lambda obj, create, extracted, **kw: _set(obj, create, "epcis", extracted)
    )
    sectors = factory.PostGeneration(
        lambda obj, create, extracted, **kw: _set(obj, create, "sectors", extracted)
    )


class ContactFactory(DjangoModelFactory):
    actor = factory.SubFactory(ActorFactory)
    role = "Chargée de mission clauses sociales"
    email = factory.Sequence(lambda n: f"contact{n}@example.org")
    phone = "04 67 00 00 00"

    class Meta:
        model = Contact
