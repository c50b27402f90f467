"""The observatory's fixtures: the directory's reference data and the network's memberships given by
test providers (core.reference, core.network), a published observatory page, and operations whose
figures the tests compute by hand."""

from types import SimpleNamespace

from django.contrib.auth.models import Group

import pytest

from core import network, reference
from core.network import FACILITATORS, Membership
from core.permissions import EDITORS
from core.reference import COMMUNE, EPCI, Structure, Territory

METROPOLE = "243400017"
BEZIERS_AGGLO = "243400769"
MONTPELLIER = "34172"
LATTES = "34129"
BEZIERS = "34032"

TERRITORIES = [
    Territory(BEZIERS, "Béziers", COMMUNE, BEZIERS_AGGLO),
    Territory(LATTES, "Lattes", COMMUNE, METROPOLE),
    Territory(MONTPELLIER, "Montpellier", COMMUNE, METROPOLE),
    Territory(BEZIERS_AGGLO, "Béziers Méditerranée", EPCI),
    Territory(METROPOLE, "Montpellier Méditerranée Métropole", EPCI),
]
STRUCTURES = [
    Structure(
        1, "Facilitateur de la Métropole", "facilitateur", "Facilitateur", frozenset([METROPOLE])
    ),
    Structure(
        2, "Facilitateur du Biterrois", "facilitateur", "Facilitateur", frozenset([BEZIERS_AGGLO])
    ),
    Structure(3, "Entreprise d'insertion", "ei", "Entreprise d'insertion", frozenset()),
]


class FakeReference:
    def territories(self, codes=None):
        if codes is None:
            return list(TERRITORIES)
        codes = set(codes)
        return [t for t in TERRITORIES if t.code in codes]

    def communes_of(self, code):
        if code in (METROPOLE, BEZIERS_AGGLO):
            return frozenset(t.code for t in TERRITORIES if t.epci_code == code)
        return frozenset([code]) if any(t.code == code for t in TERRITORIES) else frozenset()

    def structures(self, ids=None, kinds=None):
        found = STRUCTURES
        if ids is not None:
            ids = set(ids)
            found = [s for s in found if s.id in ids]
        if kinds is not None:
            kinds = set(kinds)
            found = [s for s in found if s.kind in kinds]
        return list(found)


@pytest.fixture(autouse=True)
def fake_reference(monkeypatch):
    monkeypatch.setattr(reference, "_provider", FakeReference())


@pytest.fixture
def memberships(monkeypatch):
    """{user pk: Membership}, answered by a provider registered for the test."""
    known = {}
    monkeypatch.setattr(network, "_provider", lambda user: known.get(user.pk))
    return known


@pytest.fixture
def facilitator(db, django_user_model, memberships):
    """A facilitator of the Métropole (structure 1), in the Facilitateurs group."""
    user = django_user_model.objects.create_user("facilitatrice", "f@example.org", "pw-f-12345!")
    user.groups.add(Group.objects.get(name=FACILITATORS))
    memberships[user.pk] = Membership(structure_id=1, territory_codes=frozenset([METROPOLE]))
    return user


@pytest.fixture
def editor(db, django_user_model):
    user = django_user_model.objects.create_user("redacteur", "r@example.org", "pw-r-12345!")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def operation(**values):
    from observatory.models import Operation

    defaults = {
        "year": 2024,
        "facilitator_id": 1,
        "territory_code": MONTPELLIER,
        "contract_reference": "M1",
        "buyer_name": "Commune de Montpellier",
        "buyer_kind": "commune",
        "contract_object": "Réhabilitation d'une école",
        "sector": "btp",
        "clause_type": "execution",
        "hours_planned": 1000,
        "hours_achieved": 800,
        "participants": 0,
        "status": "approved",
    }
    defaults.update(values)
    return Operation.objects.create(**defaults)


@pytest.fixture
def figures(db):
    """Five operations; the hand-computed figures are in the tests (D is submitted, E a draft: never
    counted)."""
    return SimpleNamespace(
        a=operation(
            year=2023,
            hours_planned=1000,
            hours_achieved=800,
            participants=4,
            public_long_term_jobseekers=2,
            public_rsa=2,
        ),
        b=operation(
            year=2024,
            hours_planned=1200,
            hours_achieved=1000,
            participants=5,
            public_long_term_jobseekers=1,
            public_rsa=2,
            public_under_26=2,
            buyer_kind="epci",
            clause_type="attribution",
        ),
        c=operation(
            year=2024,
            facilitator_id=2,
            territory_code=BEZIERS,
            contract_reference="B7",
            buyer_name="Ville de Béziers",
            sector="proprete",
            clause_type="attribution",
            hours_planned=600,
            hours_achieved=500,
            participants=2,
            public_siae=2,
        ),
        d=operation(
            year=2024,
            facilitator_id=2,
            territory_code=BEZIERS,
            contract_reference="B8",
            buyer_name="Acheteur transmis",
            sector="btp",
            hours_planned=400,
            hours_achieved=300,
            participants=1,
            public_other=1,
            status="submitted",
        ),
        e=operation(
            year=2024,
            contract_reference="M9",
            buyer_name="Acheteur brouillon",
            hours_planned=90000,
            hours_achieved=77777,
            participants=50,
            public_other=50,
            status="draft",
        ),
    )


@pytest.fixture
def observatory_page(home_page):
    from observatory.demo import ensure_observatory_page

    return ensure_observatory_page(home_page)
