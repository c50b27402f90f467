"""anymail's tracking webhook URLs, guarded.

Only the configured provider's tracking URL is mounted (`NEWSLETTER_WEBHOOK_PROVIDERS`, the
EMAIL_PROVIDER by default), never anymail's inbound URLs. Each post is refused (400) while the
provider's credentials are missing (`newsletter.webhook_auth`), so that no one can post forged bounces
to an unprotected URL. Authentication is then anymail's: the WEBHOOK_SECRET basic-auth credentials
(ANYMAIL_WEBHOOK_SECRET) plus the provider's signature where anymail verifies one.

Anything an outsider can send answers 4xx and changes nothing: a payload that does not parse, or
has the wrong shape, answers 400 (a 5xx makes providers retry forever), and the events of one post
are applied all or none. A database failure still answers 500, so that the provider retries."""

import functools
import json
import logging

from django.conf import settings
from django.db import transaction
from django.http import HttpResponseBadRequest
from django.urls import URLPattern

from anymail import urls as anymail_urls
from anymail.exceptions import AnymailError, AnymailWebhookValidationFailure

from .webhook_auth import missing_webhook_credentials

logger = logging.getLogger(__name__)

# What anymail's parsers raise on a body of the wrong shape (a JSON list where an object is
# expected, a missing field, an unknown SNS message type, an inbound event on the tracking URL).
MALFORMED = (
    json.JSONDecodeError,
    UnicodeDecodeError,
    AttributeError,
    IndexError,
    KeyError,
    TypeError,
    ValueError,
    AnymailError,
)


def refused(reason):
    return HttpResponseBadRequest(reason, content_type="text/plain")


def guarded(view, provider):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        missing = missing_webhook_credentials(provider, getattr(settings, "ANYMAIL", {}))
        if missing:
            logger.error(
                "%s webhook refused: set %s to accept provider events", provider, ", ".join(missing)
            )
            return refused("webhook authentication is not configured")
        try:
            with transaction.atomic():
                return view(request, *args, **kwargs)
        except AnymailWebhookValidationFailure as error:
            logger.warning("refused webhook on %s: %s", request.path, error)
            return refused("invalid credentials or signature")
        except MALFORMED as error:
            logger.warning("malformed webhook payload on %s: %r", request.path, error)
            return refused("malformed payload")

    return wrapper


def webhook_urlpatterns(providers):
    """anymail's tracking URL of each provider in `providers`, guarded."""
    names = {f"{provider}_tracking_webhook": provider for provider in providers}
    return [
        URLPattern(p.pattern, guarded(p.callback, names[p.name]), p.default_args, p.name)
        for p in anymail_urls.urlpatterns
        if p.name in names
    ]


urlpatterns = webhook_urlpatterns(settings.NEWSLETTER_WEBHOOK_PROVIDERS)
