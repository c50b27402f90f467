"""Actors: SIRET checked with its Luhn key, coordinates inside the Hérault, territory matched on codes,
reserved-contract eligibility from the kind."""

from django.core.exceptions import ValidationError

import pytest

from directory.factories import ActorFactory, valid_siret
from directory.models import Actor, ActorKind, Commune, ReservedContract

pytestmark = pytest.mark.django_db


def test_a_siret_with_a_wrong_luhn_key_is_refused_in_french():
    actor = ActorFactory.build(siret="73282932000075")
    with pytest.raises(ValidationError) as error:
        actor.full_clean(exclude=["slug"])
    assert "clé de contrôle" in str(error.value.message_dict["siret"])


def test_a_valid_siret_is_accepted_and_spaces_are_removed():
    actor = ActorFactory.build(siret="732 829 320 00074")
    actor.full_clean(exclude=["slug"])
    assert actor.siret == "73282932000074"


def test_the_factory_makes_valid_sirets():
    from stdnum.fr import siret

    assert siret.is_valid(valid_siret(123))


@pytest.mark.parametrize(("lat", "lon"), [(48.85, 2.35), (3.87, 43.61), (43.61, None)])
def test_coordinates_outside_the_herault_or_alone_are_refused(lat, lon):
    actor = ActorFactory.build(latitude=lat, longitude=lon)
    with pytest.raises(ValidationError) as error:
        actor.full_clean(exclude=["slug"])
    assert "latitude" in error.value.message_dict


def test_actors_serving_a_commune_are_matched_by_code_and_epci_not_distance(actors):
    vedas = Commune.objects.get(pk="34270")  # Saint-Jean-de-Védas, in the Métropole
    serving = set(Actor.objects.published().serving(vedas).values_list("name", flat=True))
    assert serving == {"Facilitateur de la Métropole", "Facilitateur du Département", "Bâtir Védas"}
    # Montpellier is next door, but the EI only serves Saint-Jean-de-Védas.
    montpellier = Commune.objects.get(pk="34172")
    assert "Bâtir Védas" not in set(
        Actor.objects.serving(montpellier).values_list("name", flat=True)
    )


def test_reserved_contract_eligibility_follows_the_kind():
    assert ActorFactory.build(kind=ActorKind.ESAT).reserved_contracts == [
        ReservedContract.DISABILITY
    ]
    assert ActorFactory.build(kind=ActorKind.ACI).reserved_contracts == [ReservedContract.SIAE]
    assert ActorFactory.build(kind=ActorKind.FACILITATOR).reserved_contracts == []


def test_an_actor_never_takes_the_address_of_a_route(directory_page):
    actor = ActorFactory(name="Facilitateur", slug="")
    assert actor.slug == "facilitateur-acteur"
