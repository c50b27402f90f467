"""The network's follow-up of notices: who may follow, annotate and assign them (core.network: the
members' space provides the memberships; tenders never imports it), and what a member sees of it on
a notice's page and on the members' home. Nothing here is ever shown to the public."""

from django.contrib.auth import get_user_model

from core.network import COORDINATION, FACILITATORS, membership

from .models.followups import NoticeAssignment, NoticeFollow, NoticeNote
from .territories import TerritoryIndex


def is_member(user):
    return membership(user) is not None


def can_assign(user):
    """A facilitator or the coordination team may assign a notice."""
    found = membership(user)
    if found is None:
        return False
    return found.coordination or user.groups.filter(name__in=[FACILITATORS, COORDINATION]).exists()


def facilitators():
    """The active accounts of the facilitators' group that are members of the network."""
    return [user for user, _found in _facilitator_memberships()]


def _facilitator_memberships():
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=FACILITATORS)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
    pairs = ((user, membership(user)) for user in users)
    return [(user, found) for user, found in pairs if found is not None]


def is_coordination(user):
    found = membership(user)
    return bool(found) and (found.coordination or user.groups.filter(name=COORDINATION).exists())


def facilitator_choices(notice, user, index=None):
    """(of the territory, others): the facilitators `user` may assign `notice` to. Those of the
    territory cover the notice's commune (tenders.territories) through their membership's
    territories; the coordination is offered every facilitator, those of the territory first; a
    facilitator only those of the territory, or every one when none covers it (a notice of the
    whole département, a territory without facilitator)."""
    index = index or TerritoryIndex.load()
    local, others = [], []
    for person, found in _facilitator_memberships():
        covered = set()
        for code in found.territory_codes:
            covered |= index.communes_in(code)
        (local if notice.commune_code and notice.commune_code in covered else others).append(person)
    if is_coordination(user) or not local:
        return local, others
    return local, []


def member_territories(user):
    """The codes of the territories a member covers; empty for the coordination (which sees
    every territory), a member without territory, or anyone else."""
    found = membership(user)
    if found is None or found.coordination:
        return frozenset()
    return found.territory_codes


def display_name(user):
    return user.get_full_name() or user.get_username()


def notice_context(notice, user):
    """What a member sees of the network's follow-up on a notice's page (None for anyone else)."""
    if not is_member(user):
        return None
    assignment = (
        NoticeAssignment.objects.filter(notice=notice).select_related("facilitator").first()
    )
    return {
        "following": NoticeFollow.objects.filter(notice=notice, user=user).exists(),
        "followers": NoticeFollow.objects.filter(notice=notice).count(),
        "notes": list(NoticeNote.objects.filter(notice=notice).select_related("author")),
        "assignment": assignment,
        "can_assign": can_assign(user),
        "choices": facilitator_choices(notice, user) if can_assign(user) else ([], []),
    }
