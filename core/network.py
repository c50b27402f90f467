"""The network's groups, and who a signed-in person is in the network, for every app to ask.

The members' space (members/) owns the accounts of the network: a member belongs to one structure of
the directory and covers territories (INSEE codes of communes and EPCI of the Hérault). Other apps
(the agenda's members-only meetings, the observatory's figures entered per territory, the procurement
watch's follow-ups) need those answers without importing members/: they ask this module, and members/
registers the provider in its `AppConfig.ready()`:

    register_membership_provider(provider)   # provider(user) -> Membership | None

With no provider registered (members/ not installed) nobody is a member: every question answers
"no", which is the safe answer for rights.

The three groups are created by `core.permissions.configure_editor_groups()` after every migrate,
like the editor groups; an app gives them rights in its `permissions.py` (GROUP_PERMISSIONS).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

# Every member of the network (facilitators, partners of the mission, the mission's team). Wagtail's
# page and collection privacy "by group" names this group for what the network alone may see.
NETWORK = "Réseau des facilitateurs"
# A territory's facilitator: enters the observatory's figures of their territory, follows notices.
FACILITATORS = "Facilitateurs"
# The mission's own team: sees everything of the network, manages members.
COORDINATION = "Coordination MICS 34"

NETWORK_GROUPS = (NETWORK, FACILITATORS, COORDINATION)
NETWORK_GROUP_LABELS = {
    NETWORK: _("Réseau des facilitateurs"),
    FACILITATORS: _("Facilitateurs"),
    COORDINATION: _("Coordination MICS 34"),
}


@dataclass(frozen=True)
class Membership:
    """What the network knows of a person: their structure in the directory (an actor's primary
    key, or None), the INSEE codes of the territories they cover, and whether they are of the
    mission's coordination team (which sees every territory)."""

    structure_id: int | None = None
    territory_codes: frozenset[str] = field(default_factory=frozenset)
    coordination: bool = False

    def covers(self, code: str) -> bool:
        return self.coordination or code in self.territory_codes


_provider: Callable[[object], Membership | None] | None = None


def register_membership_provider(provider: Callable[[object], Membership | None]) -> None:
    """Called once, by members/ in its AppConfig.ready()."""
    global _provider
    _provider = provider


def membership(user) -> Membership | None:
    """The membership of a signed-in person, or None (anonymous, not a member, no provider)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if _provider is None:
        return None
    return _provider(user)


def is_member(user) -> bool:
    return membership(user) is not None


def territory_codes(user) -> frozenset[str]:
    """The INSEE codes a person covers (empty for a non-member)."""
    found = membership(user)
    return found.territory_codes if found else frozenset()


def is_coordination(user) -> bool:
    found = membership(user)
    return bool(found and found.coordination)
