"""Invitation links: a token signed with the site's key (django.core.signing) that names the
invitation and is dated; it is refused once INVITATION_VALID_DAYS have passed, once used, or when
altered by a single character."""

import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Invitation

SALT = "members.invitation"
INVITATION_VALID_DAYS = 7


class InvalidInvitation(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # "expired", "invalid" or "used"


def make_token(invitation: Invitation) -> str:
    return signing.dumps({"i": invitation.pk}, salt=SALT, compress=False)


def invitation_for(token: str) -> Invitation:
    """The pending invitation of `token`; raises InvalidInvitation("expired" / "invalid" / "used")."""
    try:
        data = signing.loads(
            token, salt=SALT, max_age=datetime.timedelta(days=INVITATION_VALID_DAYS)
        )
    except signing.SignatureExpired as error:
        raise InvalidInvitation("expired") from error
    except signing.BadSignature as error:
        raise InvalidInvitation("invalid") from error
    pk = data.get("i") if isinstance(data, dict) else None
    invitation = Invitation.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    if invitation is None:
        raise InvalidInvitation("invalid")
    if invitation.accepted_at is not None:
        raise InvalidInvitation("used")
    return invitation


def invitation_url(request, invitation: Invitation) -> str:
    return request.build_absolute_uri(
        reverse("members:accept", kwargs={"token": make_token(invitation)})
    )


def send_invitation(request, invitation: Invitation) -> None:
    """The invitation email, in the language of the page the editor sent it from."""
    context = {
        "invitation": invitation,
        "url": invitation_url(request, invitation),
        "valid_days": INVITATION_VALID_DAYS,
        "inviter": request.user.get_full_name() or request.user.get_username(),
    }
    with translation.override(translation.get_language()):
        subject = render_to_string("members/email/invitation_subject.txt", context).strip()
        body = render_to_string("members/email/invitation.txt", context)
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
    message.send()
