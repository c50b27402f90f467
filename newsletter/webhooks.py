"""anymail's webhook URLs, guarded: a payload that does not parse answers 400 instead of 500 (a 500
makes providers retry forever), and the events of one post are applied all or none.

Authentication is anymail's: the WEBHOOK_SECRET basic-auth credentials every provider's webhook URL
must carry (ANYMAIL_WEBHOOK_SECRET), plus the provider's signature where anymail verifies one. A
request without them answers 400 (anymail's AnymailWebhookValidationFailure) and changes nothing."""

import functools
import json
import logging

from django.db import transaction
from django.http import HttpResponseBadRequest
from django.urls import URLPattern

from anymail import urls as anymail_urls

logger = logging.getLogger(__name__)


def guarded(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            with transaction.atomic():
                return view(request, *args, **kwargs)
        except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError, ValueError) as error:
            logger.warning("malformed webhook payload on %s: %r", request.path, error)
            return HttpResponseBadRequest("malformed payload", content_type="text/plain")

    return wrapper


urlpatterns = [
    URLPattern(p.pattern, guarded(p.callback), p.default_args, p.name)
    for p in anymail_urls.urlpatterns
]
