"""The signed links of a registration (manage, cancel, accept an offered place, erase): the
registration's secret key and its HMAC under the site's SECRET_KEY, in hexadecimal (a page route
takes letters, digits and hyphens only). A link stops working once the registration is erased; a
forged or altered one never works."""

from django.utils.crypto import constant_time_compare, salted_hmac

from .models.registrations import Registration

SALT = "events.registration"


class InvalidLink(Exception):
    """Unknown, altered, or erased."""


def _signature(key_hex: str) -> str:
    return salted_hmac(SALT, key_hex, algorithm="sha256").hexdigest()[:32]


def registration_token(registration) -> str:
    key = registration.key.hex
    return f"{key}-{_signature(key)}"


def registration_from_token(event, token: str) -> Registration:
    """The registration of `event` that `token` names."""
    key, _sep, signature = token.partition("-")
    if len(key) != 32 or not constant_time_compare(signature, _signature(key)):
        raise InvalidLink
    try:
        return Registration.objects.select_related("event").get(key=key, event_id=event.pk)
    except (Registration.DoesNotExist, ValueError) as error:
        raise InvalidLink from error


def manage_url(registration) -> str:
    """The absolute address of the registrant's page, in the event's language."""
    event = registration.event
    return event.get_full_url() + event.reverse_subpage(
        "manage_view", kwargs={"token": registration_token(registration)}
    )
