"""The kinds of organisation are defined once, in core.kinds: the directory's actors use them, and the
agenda's registration form offers their families; each actor kind belongs to exactly one family."""

from core import kinds
from directory.models import Actor
from events.forms import RegistrationForm
from events.models import Registration


def test_every_actor_kind_is_in_exactly_one_family():
    for kind in kinds.ActorKind:
        families = [family for family, members in kinds.FAMILY_KINDS.items() if kind in members]
        assert len(families) == 1, kind
    assert set(kinds.FAMILY_KINDS) == set(kinds.OrganisationKind)
    assert kinds.family_of("aci") == kinds.OrganisationKind.SIAE
    assert kinds.family_of("esat") == kinds.OrganisationKind.DISABILITY
    assert kinds.family_of("mission-locale") == kinds.OrganisationKind.PRESCRIBER
    assert kinds.family_of("inconnu") == kinds.OrganisationKind.OTHER


def test_the_directory_and_the_agenda_use_the_kinds_of_core():
    assert Actor._meta.get_field("kind").choices == kinds.ActorKind.choices
    assert (
        Registration._meta.get_field("organisation_kind").choices == kinds.OrganisationKind.choices
    )
    form_choices = RegistrationForm.base_fields["organisation_kind"].choices
    assert [value for value, _label in form_choices][1:] == kinds.OrganisationKind.values
