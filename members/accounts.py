"""The membership provider of core.network, and the account operations: create a member from an
invitation, change their role, erase them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.network import COORDINATION, NETWORK, NETWORK_GROUPS, Membership

from .models import ROLE_GROUPS, Invitation, Member


def membership_of(user) -> Membership | None:
    """core.network's provider: the person's structure and territories when they are a member (a
    profile and the NETWORK group), else None."""
    member = Member.objects.filter(user=user).first()
    if member is None:
        return None
    names = set(user.groups.filter(name__in=NETWORK_GROUPS).values_list("name", flat=True))
    if NETWORK not in names:
        return None
    return Membership(
        structure_id=member.structure_id,
        territory_codes=frozenset(member.territory_codes),
        coordination=COORDINATION in names,
    )


def set_role(user, role: str) -> None:
    """Put `user` in exactly the network's groups of `role` (other groups untouched)."""
    wanted = ROLE_GROUPS[role]
    user.groups.remove(*Group.objects.filter(name__in=NETWORK_GROUPS).exclude(name__in=wanted))
    user.groups.add(*[Group.objects.get_or_create(name=name)[0] for name in wanted])


def username_for(email: str) -> str:
    """A free username from the email address (people sign in with their address anyway)."""
    User = get_user_model()
    base = email.strip().lower()[:140]
    candidate, n = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


@transaction.atomic
def accept_invitation(invitation: Invitation, password: str, now) -> object:
    """The account of the invitation's person, created (or, for an editor already known by this
    address, given a member profile), with `password`; the invitation is used up and forgets the
    address and names, now kept on the account."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=invitation.email).order_by("pk").first()
    if user is None:
        user = User(
            username=username_for(invitation.email),
            email=invitation.email,
            first_name=invitation.first_name,
            last_name=invitation.last_name,
        )
    user.is_active = True
    user.set_password(password)
    user.save()
    member, _created = Member.objects.get_or_create(user=user)
    member.structure_id = invitation.structure_id
    member.territory_codes = list(invitation.territory_codes)
    member.save()
    set_role(user, invitation.role)
    invitation.accepted_at = now
    invitation.user = user
    invitation.email = invitation.first_name = invitation.last_name = ""
    invitation.save()
    return user


@transaction.atomic
def erase_member(user) -> None:
    """Erase a member's personal data: their profile, invitations, two-factor devices and network
    groups (and the devices, with the account). An account that is also an editor's (other groups, staff, superuser) is kept for the
    admin; any other is deleted with everything attached to it."""
    Member.objects.filter(user=user).delete()
    Invitation.objects.filter(user=user).delete()
    if user.email:
        Invitation.objects.filter(email__iexact=user.email).delete()
    user.groups.remove(*Group.objects.filter(name__in=NETWORK_GROUPS))
    if user.is_staff or user.is_superuser or user.groups.exists():
        # Still an editor: the admin's two-factor devices stay theirs.
        return
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    user.delete()
