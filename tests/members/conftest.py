"""Members of each group, a small reference of territories and structures (core.reference), and
helpers to sign in through the members' forms."""

from django.contrib.auth.models import Group

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import reference
from core.network import COORDINATION, FACILITATORS, NETWORK
from core.permissions import configure_editor_groups
from members.accounts import set_role
from members.models import Member

PASSWORD = "un-mot-de-passe-solide-34"
MONTPELLIER_EPCI = "243400017"
SETE_EPCI = "200066355"


class FakeReference:
    TERRITORIES = [
        reference.Territory("34172", "Montpellier", reference.COMMUNE, MONTPELLIER_EPCI),
        reference.Territory("34301", "Sète", reference.COMMUNE, SETE_EPCI),
        reference.Territory(MONTPELLIER_EPCI, "Montpellier Méditerranée Métropole", reference.EPCI),
        reference.Territory(SETE_EPCI, "Sète Agglopôle Méditerranée", reference.EPCI),
    ]
    STRUCTURES = [
        reference.Structure(7, "PLIE de Montpellier", "facilitateur", "Facilitateur"),
        reference.Structure(9, "Maison de l'emploi de Sète", "facilitateur", "Facilitateur"),
        reference.Structure(12, "Département de l'Hérault", "acheteur", "Acheteur public"),
    ]

    def territories(self, codes=None):
        if codes is None:
            return list(self.TERRITORIES)
        codes = set(codes)
        return [item for item in self.TERRITORIES if item.code in codes]

    def communes_of(self, code):
        return frozenset(t.code for t in self.TERRITORIES if t.epci_code == code) or frozenset(
            [code]
        )

    def structures(self, ids=None, kinds=None):
        return [
            item
            for item in self.STRUCTURES
            if (ids is None or item.id in set(ids)) and (kinds is None or item.kind in set(kinds))
        ]


@pytest.fixture
def fake_reference(monkeypatch):
    monkeypatch.setattr(reference, "_provider", FakeReference())
    return FakeReference


@pytest.fixture
def groups(db):
    configure_editor_groups()
    return {name: Group.objects.get(name=name) for name in (NETWORK, FACILITATORS, COORDINATION)}


@pytest.fixture
def make_member(django_user_model, groups):
    def make(username, role="network", territories=(), structure_id=None, email=None):
        user = django_user_model.objects.create_user(
            username=username,
            email=email or f"{username}@example.org",
            password=PASSWORD,
            first_name=username.capitalize(),
        )
        Member.objects.create(
            user=user, structure_id=structure_id, territory_codes=list(territories)
        )
        set_role(user, role)
        return user

    return make


@pytest.fixture
def member(make_member):
    return make_member("louise")


@pytest.fixture
def facilitator(make_member):
    return make_member("fanny", "facilitator", [MONTPELLIER_EPCI], structure_id=7)


@pytest.fixture
def coordinator(make_member):
    return make_member("claire", "coordination")


def totp_code(device):
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="Téléphone", confirmed=True)


@pytest.fixture(autouse=True)
def _french():
    """Each test starts in French (a request to an English page leaves English active)."""
    from django.utils import translation

    translation.activate("fr")
    yield
    translation.activate("fr")
