"""The sending loop: claim a batch, hand it over, record it, until the send is done or must wait."""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from ..models import CampaignSend, Delivery
from .claims import claim_batch, release
from .delivery import deliver_batch
from .errors import ProviderConfigurationError, TransientProviderError
from .ledger import start_send

logger = logging.getLogger(__name__)


MAX_RETRIES = 10


def batch_size():
    return max(1, int(settings.NEWSLETTER_BATCH_SIZE))


def run_send(send_id, *, max_batches=None):
    """Send batches until the send is done, paused, waiting for the provider, or the remaining rows
    are leased by other workers. Returns what stopped it: "done", "waiting", "in_flight",
    "scheduled", or the send's status."""
    batches = 0
    while max_batches is None or batches < max_batches:
        send = CampaignSend.objects.get(pk=send_id)
        now = timezone.now()
        if send.status == CampaignSend.Status.SCHEDULED:
            if send.scheduled_at > now or not start_send(send_id):
                return "scheduled"
            continue
        if send.status != CampaignSend.Status.SENDING:
            return send.status
        if send.next_attempt_at and send.next_attempt_at > now:
            return "waiting"
        token, batch = claim_batch(send, batch_size(), now)
        if not batch:
            if send.deliveries.filter(
                status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING]
            ).exists():
                return "in_flight"
            CampaignSend.objects.filter(pk=send_id, status=CampaignSend.Status.SENDING).update(
                status=CampaignSend.Status.DONE, finished_at=timezone.now()
            )
            return "done"
        try:
            deliver_batch(send, token, batch)
        except TransientProviderError as error:
            release(token)
            _back_off(send, error)
            return "waiting"
        except ProviderConfigurationError as error:
            release(token)
            CampaignSend.objects.filter(pk=send_id).update(
                status=CampaignSend.Status.PAUSED, last_error=str(error)[:2000]
            )
            return CampaignSend.Status.PAUSED
        batches += 1
    return "batch_limit"


def _back_off(send, error):
    retries = send.retries + 1
    delay = min(30 * 2 ** (retries - 1), 3600)
    fields = {
        "retries": retries,
        "next_attempt_at": timezone.now() + timedelta(seconds=delay),
        "last_error": str(error)[:2000],
    }
    if retries > MAX_RETRIES:
        fields["status"] = CampaignSend.Status.PAUSED
    CampaignSend.objects.filter(pk=send.pk).update(**fields)
    logger.warning("send %s: provider unavailable (%s), retry in %s s", send.pk, error, delay)
