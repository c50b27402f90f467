"""Handing a batch to the provider: through anymail's batch API where the provider has one,
one message per recipient otherwise."""

from django.conf import settings
from django.core.mail import get_connection
from django.utils import translation

from anymail.backends.base import AnymailBaseBackend

from .. import subscriptions
from ..models import Delivery, Purpose, Suppression, normalise_email
from .ledger import save_outcomes
from .merge_data import deliver_with_merge_data
from .one_by_one import deliver_one_by_one

# anymail's Amazon SES backend only merges per recipient with a template stored at SES: send there
# one message per recipient, filled in here.
NO_BATCH_PROVIDERS = {"amazon_ses"}


def still_allowed(batch):
    """The batch's deliveries whose subscriber is still subscribed and not suppressed now (a bounce,
    a complaint or an unsubscription may have arrived since the send started)."""
    subscriber_ids = [d.subscriber_id for d in batch if d.subscriber_id]
    subscribed = set(
        subscriptions.subscribed(Purpose.NEWSLETTER)
        .filter(pk__in=subscriber_ids)
        .values_list("pk", flat=True)
    )
    reachable = [d for d in batch if d.subscriber_id in subscribed]
    suppressed = Suppression.objects.suppressed(d.subscriber.email for d in reachable)
    return [d for d in reachable if normalise_email(d.subscriber.email) not in suppressed]


def deliver_batch(send, token, batch):
    allowed = still_allowed(batch)
    allowed_ids = {d.pk for d in allowed}
    skipped = [d for d in batch if d.pk not in allowed_ids]
    for delivery in skipped:
        delivery.status = Delivery.Status.SUPPRESSED
        delivery.lease_until = None
    if skipped:
        save_outcomes(skipped)
    if not allowed:
        return
    backend = get_connection()
    batch_api = (
        isinstance(backend, AnymailBaseBackend)
        and settings.EMAIL_PROVIDER not in NO_BATCH_PROVIDERS
    )
    # The greeting is in the language of the issue, like the rest of the message.
    with translation.override(send.language):
        if batch_api:
            deliver_with_merge_data(send, allowed, backend)
        else:
            deliver_one_by_one(send, allowed, backend)
