"""The network's follow-up of notices: who may follow, annotate and assign them (core.network: the
members' space provides the memberships; tenders never imports it), and what a member sees of it on
a notice's page and on the members' home. Nothing here is ever shown to the public."""

from django.contrib.auth import get_user_model

from core.network import COORDINATION, FACILITATORS, membership

from .models.followups import NoticeAssignment, NoticeFollow, NoticeNote


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
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=FACILITATORS)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
    return [user for user in users if membership(user) is not None]


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
        "facilitators": facilitators() if can_assign(user) else [],
    }
