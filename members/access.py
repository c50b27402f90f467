"""Who may enter the network's space, and the gate every members' view goes through.

- A member is a signed-in, active person with a member profile in the NETWORK group
  (members.accounts.membership_of, registered as core.network's provider).
- Two-factor authentication is offered to every member and required for the people with access to
  personal data: the groups of MEMBERS_TWO_FACTOR_REQUIRED_GROUPS (the coordination team by
  default), plus those the admin already requires it of (core.twofactor.policy).
- A session of a person who has an application (or must have one) and has not given its code is
  sent to the verification (or enrolment) page before any members' page."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from core.network import COORDINATION, is_member
from core.permissions import MODERATORS
from core.twofactor.policy import has_two_factor, is_verified, two_factor_required


def members_two_factor_required(user) -> bool:
    if not user.is_authenticated:
        return False
    if two_factor_required(user):
        return True
    groups = settings.MEMBERS_TWO_FACTOR_REQUIRED_GROUPS
    return bool(groups) and user.groups.filter(name__in=groups).exists()


def two_factor_step(user) -> str | None:
    """The URL name of the step a signed-in person still owes, or None."""
    if has_two_factor(user):
        # Just after the password, request.user is the form's user, not yet OTPMiddleware's.
        verified = hasattr(user, "is_verified") and is_verified(user)
        return None if verified else "members:twofactor_verify"
    if members_two_factor_required(user):
        return "members:twofactor_enrol"
    return None


def can_invite(user) -> bool:
    """The coordination team, the moderators and the superusers invite members."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name__in=[COORDINATION, MODERATORS]).exists()


def gate(request, allow=is_member):
    """None when the request may see the members' page; else the response that sends it on: the
    login page, the two-factor step, or the 403 page for people who are not of the network."""
    user = request.user
    if not user.is_authenticated:
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('members:login')}?{query}")
    step = two_factor_step(user)
    if step is not None:
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
    if not allow(user):
        return render(request, "members/not_member.html", status=403)
    return None


def members_only(view=None, allow=is_member):
    """Decorator of the members' views (see `gate`)."""

    def decorate(func):
        def wrapped(request, *args, **kwargs):
            return gate(request, allow) or func(request, *args, **kwargs)

        wrapped.__name__ = func.__name__
        wrapped.__doc__ = func.__doc__
        return wrapped

    return decorate(view) if view is not None else decorate
