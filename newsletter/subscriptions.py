"""The public surface of the subscriber machinery, for this app and for any other app that emails
people (the resource hub's search alerts): subscribe with double opt-in, confirm, unsubscribe, check
the suppression list, and build the links and headers every email must carry.

    from newsletter import subscriptions

    consent = subscriptions.subscribe(
        "camille@example.org", purpose=subscriptions.Purpose.ALERT, language="fr",
        consent_text=str(text_shown_next_to_the_button), ip=request.META["REMOTE_ADDR"],
        details={"search": "clause insertion"},
    )

`subscribe` sends the confirmation email; the consent counts once `confirm(token)` has run. Every email
sent to a subscriber must carry `list_unsubscribe_headers(subscriber)` and a link to
`preferences_url(subscriber)`; no email may go to an address for which `is_suppressed` is true.
"""

from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.ratelimit import over_limit

from .models import (
    Audience,
    Consent,
    ConsentSource,
    Delivery,
    Purpose,
    Subscriber,
    Suppression,
    SuppressionReason,
    email_hash,
    normalise_email,
)

# Other apps name a consent's purpose as subscriptions.Purpose (imported above from .models).
CONFIRM_SALT = "newsletter.confirm"
SUBSCRIBER_SALT = "newsletter.subscriber"
PROFILE_FIELDS = ("name", "organisation", "territory")


class InvalidToken(Exception):
    """The link is unknown, altered, expired, or its subscriber was erased."""


class OutdatedConfirmation(InvalidToken):
    """The confirmation link was sent before the person unsubscribed, or before the address was
    suppressed (hard bounce, complaint): using it must not bring the subscription back."""


def absolute_url(path):
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", path.lstrip("/"))


def subscribe_rate_limited(request):
    """Count one subscription request (newsletter or alert) for the visitor's address; True once
    NEWSLETTER_RATE_LIMIT is passed. Every form that subscribes an address shares this limit."""
    return over_limit(request, "newsletter-subscribe", settings.NEWSLETTER_RATE_LIMIT)


@dataclass(frozen=True)
class Recipient:
    """What an email to a subscriber needs: the address, the language, the links and headers every
    email must carry, and whether the address may be written to at all."""

    email: str
    language: str
    preferences_url: str
    unsubscribe_url: str
    headers: dict
    suppressed: bool


def recipient(consent):
    """The Recipient of an email sent under `consent` (a search alert's digest, for instance)."""
    subscriber = consent.subscriber
    return Recipient(
        email=subscriber.email,
        language=subscriber.language,
        preferences_url=preferences_url(subscriber),
        unsubscribe_url=unsubscribe_url(subscriber),
        headers=list_unsubscribe_headers(subscriber),
        suppressed=is_suppressed(subscriber.email),
    )


# --- Tokens -----------------------------------------------------------------------------------------


def confirmation_token(consent):
    return signing.dumps(
        {"c": consent.pk, "k": consent.subscriber.key.hex}, salt=CONFIRM_SALT, compress=True
    )


def subscriber_token(subscriber):
    """The token of the preferences and unsubscribe links: does not expire (a link in an old email
    must still work), and stops working when the subscriber is erased (its key goes with it)."""
    return signing.Signer(salt=SUBSCRIBER_SALT).sign(subscriber.key.hex)


def subscriber_from_token(token):
    try:
        key = signing.Signer(salt=SUBSCRIBER_SALT).unsign(token)
        return Subscriber.objects.get(key=key)
    except (signing.BadSignature, Subscriber.DoesNotExist, ValueError) as error:
        raise InvalidToken from error


# --- Links and headers ------------------------------------------------------------------------------


def _localized(name, subscriber, **kwargs):
    with translation.override(subscriber.language):
        return absolute_url(reverse(name, kwargs=kwargs))


def confirm_url(consent):
    return _localized("newsletter:confirm", consent.subscriber, token=confirmation_token(consent))


def preferences_url(subscriber):
    """The page where a subscriber changes audiences and profile, or leaves."""
    return _localized("newsletter:preferences", subscriber, token=subscriber_token(subscriber))


def unsubscribe_url(subscriber):
    """The page with one button that unsubscribes (a GET never acts: link checkers follow links)."""
    return _localized("newsletter:unsubscribe", subscriber, token=subscriber_token(subscriber))


def one_click_unsubscribe_url(subscriber):
    """The RFC 8058 endpoint mailbox providers POST to: outside the language prefixes."""
    return absolute_url(
        reverse("newsletter_one_click", kwargs={"token": subscriber_token(subscriber)})
    )


def list_unsubscribe_headers(subscriber):
    """The List-Unsubscribe and List-Unsubscribe-Post headers (RFC 2369, RFC 8058) of an email."""
    return {
        "List-Unsubscribe": f"<{one_click_unsubscribe_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


# --- Suppression ------------------------------------------------------------------------------------


def is_suppressed(address):
    """True when no campaign or alert may be sent to this address (hard bounce, complaint,
    erasure, or an editor's decision)."""
    return bool(Suppression.objects.suppressed([address]))


def suppress(address, reason):
    if not Suppression.objects.suppressed([address]):
        Suppression.objects.get_or_create(
            email_hash=email_hash(address), defaults={"reason": reason}
        )


# --- Subscribing ------------------------------------------------------------------------------------


def subscribe(
    email, *, purpose, language, consent_text, ip=None, audiences=(), send_email=True, **details
):
    """Record a pending consent for `purpose` and email the link that confirms it.

    `audiences` are Audience instances or keys (the newsletter's segments; empty for other purposes);
    `details` may hold the profile (name, organisation, territory) and anything the purpose needs
    (a saved search): they are applied, or kept on the consent, only once the person confirms, so that
    nobody changes someone else's subscription by typing their address. Returns the Consent."""
    address = normalise_email(email)
    keys = [a.key if isinstance(a, Audience) else a for a in audiences]
    with transaction.atomic():
        subscriber, created = Subscriber.objects.get_or_create(
            email=address, defaults={"language": language}
        )
        if created:
            subscriber.language = language
        consent = Consent.objects.create(
            subscriber=subscriber,
            purpose=purpose,
            source=ConsentSource.FORM,
            wording=consent_text,
            ip_address=ip or None,
            details={"audiences": keys, **{k: v for k, v in details.items() if v is not None}},
        )
    if send_email:
        send_confirmation_email(consent)
    return consent


def send_confirmation_email(consent, what=""):
    """Email the link that confirms `consent`; `what` says what exactly the person asked for (a
    search alert's search in words), so that they know what they confirm."""
    subscriber = consent.subscriber
    with translation.override(subscriber.language):
        context = {
            "confirm_url": confirm_url(consent),
            "purpose": consent.get_purpose_display(),
            "what": what,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        message = EmailMultiAlternatives(
            subject=_("Confirmez votre inscription — %(site)s") % {"site": context["site_name"]},
            body=render_to_string("newsletter/email/confirmation.txt", context),
            from_email=settings.NEWSLETTER_FROM_EMAIL,
            to=[subscriber.email],
        )
        message.attach_alternative(
            render_to_string("newsletter/email/confirmation.html", context), "text/html"
        )
    message.send()


def consent_from_token(token, max_age=None):
    max_age = max_age or settings.NEWSLETTER_CONFIRMATION_MAX_AGE
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)
        return Consent.objects.select_related("subscriber").get(
            pk=data["c"], subscriber__key=data["k"]
        )
    except (signing.BadSignature, Consent.DoesNotExist, KeyError, TypeError, ValueError) as error:
        raise InvalidToken from error


def check_confirmable(consent):
    """Raise OutdatedConfirmation when the consent was withdrawn (the person unsubscribed, or a later
    request replaced it) or the address was suppressed after the consent was asked for."""
    if consent.withdrawn_at:
        raise OutdatedConfirmation
    if (
        Suppression.objects.for_address(consent.subscriber.email)
        .filter(created_at__gt=consent.given_at)
        .exists()
    ):
        raise OutdatedConfirmation


def confirm(token):
    """Confirm the consent a confirmation link names; returns it. Confirming twice is harmless.
    A fresh, confirmed opt-in lifts a past suppression of the address (the person proved that the
    mailbox works and asked again); a link older than an unsubscription or a suppression raises
    OutdatedConfirmation and changes nothing."""
    consent = consent_from_token(token)
    with transaction.atomic():
        consent = (
            Consent.objects.select_for_update().select_related("subscriber").get(pk=consent.pk)
        )
        if consent.confirmed_at and not consent.withdrawn_at:
            return consent
        check_confirmable(consent)
        now = timezone.now()
        subscriber = consent.subscriber
        # Earlier consents for the same purpose are replaced by this one.
        subscriber.consents.filter(purpose=consent.purpose, withdrawn_at=None).exclude(
            pk=consent.pk
        ).update(withdrawn_at=now)
        consent.confirmed_at = now
        consent.save(update_fields=["confirmed_at"])
        apply_details(subscriber, consent.details)
        subscriber.confirmed_at = subscriber.confirmed_at or now
        subscriber.save()
        Suppression.objects.for_address(subscriber.email).delete()
    return consent


def apply_details(subscriber, details):
    for field in PROFILE_FIELDS:
        if details.get(field):
            setattr(subscriber, field, details[field][:200])
    if details.get("audiences"):
        subscriber.save()
        subscriber.audiences.set(Audience.objects.filter(key__in=details["audiences"]))


def update_preferences(subscriber, *, audiences, **profile):
    """Change a confirmed subscriber's audiences and profile (from the preferences page)."""
    with transaction.atomic():
        for field in PROFILE_FIELDS:
            if field in profile:
                setattr(subscriber, field, (profile[field] or "")[:200])
        subscriber.save()
        subscriber.audiences.set(audiences)


def unsubscribe(subscriber, purpose=None, *, count_in_report=True):
    """Withdraw the subscriber's consents for `purpose` (all purposes when None). The address is not
    suppressed: the person may subscribe again, through a new double opt-in. With `count_in_report`,
    the last campaign the person received counts the unsubscription in its report."""
    consents = subscriber.consents.filter(withdrawn_at=None)
    if purpose is not None:
        consents = consents.filter(purpose=purpose)
    now = timezone.now()
    count = consents.update(withdrawn_at=now)
    if count_in_report and purpose in (None, Purpose.NEWSLETTER):
        last = (
            subscriber.deliveries.filter(status=Delivery.Status.SENT).order_by("-sent_at").first()
        )
        if last and not last.unsubscribed_at:
            last.unsubscribed_at = now
            last.save(update_fields=["unsubscribed_at"])
    return count


ERASURE_SALT = "newsletter.erase"
ERASURE_MAX_AGE = 7 * 24 * 3600


def erasure_token(subscriber):
    return signing.dumps({"k": subscriber.key.hex}, salt=ERASURE_SALT)


def subscriber_from_erasure_token(token):
    try:
        data = signing.loads(token, salt=ERASURE_SALT, max_age=ERASURE_MAX_AGE)
        return Subscriber.objects.get(key=data["k"])
    except (
        signing.BadSignature,
        Subscriber.DoesNotExist,
        KeyError,
        TypeError,
        ValueError,
    ) as error:
        raise InvalidToken from error


def send_erasure_email(subscriber):
    """Email the link that confirms an erasure asked for on the preferences page (whoever holds a
    forwarded newsletter could press the button: the mailbox's owner confirms)."""
    with translation.override(subscriber.language):
        url = _localized("newsletter:erase", subscriber, token=erasure_token(subscriber))
        context = {"erase_url": url, "site_name": settings.WAGTAIL_SITE_NAME}
        message = EmailMultiAlternatives(
            subject=_("Confirmez l'effacement de vos données — %(site)s")
            % {"site": context["site_name"]},
            body=render_to_string("newsletter/email/erasure.txt", context),
            from_email=settings.NEWSLETTER_FROM_EMAIL,
            to=[subscriber.email],
        )
    message.send()


def erase(subscriber, reason=SuppressionReason.ERASED):
    """Delete everything the site knows about a subscriber (GDPR art. 17) and keep the address, as a
    hash, on the suppression list. The send ledger keeps anonymous rows for the campaign reports."""
    with transaction.atomic():
        suppress(subscriber.email, reason)
        subscriber.delete()


def subscribed(purpose=Purpose.NEWSLETTER):
    """The subscribers whose consent for `purpose` is confirmed and not withdrawn."""
    return Subscriber.objects.filter(
        consents__purpose=purpose,
        consents__confirmed_at__isnull=False,
        consents__withdrawn_at=None,
    ).distinct()
