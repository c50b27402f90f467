"""The signed links of a registration (manage, cancel, accept an offered place, erase): the
registration's secret key signed with the site's SECRET_KEY. A link stops working once the
registration is erased; a forged or altered one never works."""

from django.core import signing

from .models.registrations import Registration

SALT = "events.registration"


class InvalidLink(Exception):
    """Unknown, altered, or erased."""


def registration_token(registration) -> str:
    return signing.Signer(salt=SALT).sign(registration.key.hex)


def registration_from_token(event, token: str) -> Registration:
    """The registration of `event` that `token` names."""
    try:
        key = signing.Signer(salt=SALT).unsign(token)
        return Registration.objects.select_related("event").get(key=key, event_id=event.pk)
    except (signing.BadSignature, Registration.DoesNotExist, ValueError) as error:
        raise InvalidLink from error


def manage_url(registration) -> str:
    """The absolute address of the registrant's page, in the event's language."""
    event = registration.event
    return event.get_full_url() + event.reverse_subpage(
        "manage_view", kwargs={"token": registration_token(registration)}
    )
