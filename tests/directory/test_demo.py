"""The directory's demo: at least 80 actors across kinds and territories of the Hérault, invented
example entries, and every commune covered by a facilitator (matched by code, as the lookup does)."""

from django.core.management import call_command

import pytest

from directory.demo import load_demo_actors
from directory.models import Actor, ActorKind, Commune


@pytest.mark.django_db
def test_the_demo_directory_has_80_actors_and_a_facilitator_for_every_commune():
    call_command("load_territories", verbosity=0)
    load_demo_actors()
    actors = Actor.objects.published()
    assert actors.count() >= 80
    assert actors.filter(is_example=True).count() == actors.count()
    assert {ActorKind.FACILITATOR, ActorKind.ACI, ActorKind.ESAT, ActorKind.GEIQ} <= set(
        actors.values_list("kind", flat=True)
    )
    uncovered = [
        commune.name
        for commune in Commune.objects.all()
        if not actors.serving(commune).facilitators().exists()
    ]
    assert uncovered == []
