"""Fixtures of the directory's tests: the Hérault's communes and EPCI loaded from the shipped reference
file, the directory page under the home page, and a few actors."""

from django.core.management import call_command

import pytest

from directory.factories import ActorFactory, DirectoryPageFactory

MONTPELLIER_METRO = "243400017"
LUNEL_AGGLO = "243400520"


@pytest.fixture
def territories(db):
    call_command("load_territories", verbosity=0)


@pytest.fixture
def directory_page(home_page, territories):
    page = DirectoryPageFactory(parent=home_page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def actors(directory_page):
    """A facilitator for the Métropole, one for Lunel Agglo, one for the whole département, an EI of
    Montpellier serving Saint-Jean-de-Védas only, an ESAT of Lunel, and an unpublished GEIQ."""
    from directory.models import EPCI, Commune, Sector

    metro = EPCI.objects.get(pk=MONTPELLIER_METRO)
    lunel = EPCI.objects.get(pk=LUNEL_AGGLO)
    green = Sector.objects.get(slug="espaces-verts")
    building = Sector.objects.get(slug="batiment")
    return {
        "metro": ActorFactory(
            name="Facilitateur de la Métropole",
            kind="facilitateur",
            epcis=[metro],
            email="metropole@example.org",
        ),
        "lunel": ActorFactory(
            name="Facilitateur du Pays de Lunel", kind="facilitateur", epcis=[lunel]
        ),
        "departement": ActorFactory(
            name="Facilitateur du Département", kind="facilitateur", whole_departement=True
        ),
        "ei": ActorFactory(
            name="Bâtir Védas",
            kind="ei",
            commune=Commune.objects.get(pk="34172"),
            latitude=43.61,
            longitude=3.87,
            offers_services=True,
            communes=[Commune.objects.get(pk="34270")],
            sectors=[building],
        ),
        "esat": ActorFactory(
            name="ESAT des Jardins de Lunel",
            kind="esat",
            commune=Commune.objects.get(pk="34145"),
            latitude=43.67,
            longitude=4.13,
            offers_goods=True,
            offers_services=True,
            epcis=[lunel],
            sectors=[green],
        ),
        "hidden": ActorFactory(
            name="GEIQ non publié", kind="geiq", published=False, whole_departement=True
        ),
    }
