"""Leasing a batch of deliveries to one worker, and giving it back."""

import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.db.models import F, Q

from ..models import Delivery


def claim_batch(send, size, now):
    """Lease up to `size` deliveries of `send` to this worker; returns (token, deliveries)."""
    token = uuid.uuid4().hex
    available = Q(status=Delivery.Status.PENDING) | Q(
        status=Delivery.Status.SENDING, lease_until__lt=now
    )
    lease_until = now + timedelta(seconds=settings.NEWSLETTER_SEND_LEASE_SECONDS)
    for attempt in range(50):
        try:
            with transaction.atomic():
                candidates = Delivery.objects.filter(send=send).filter(available).order_by("pk")
                if connection.features.has_select_for_update_skip_locked:
                    candidates = candidates.select_for_update(skip_locked=True)
                ids = list(candidates.values_list("pk", flat=True)[:size])
                if not ids:
                    return token, []
                # The condition is checked again by the UPDATE itself: a row another worker claimed
                # in the meantime is not taken twice, whatever the isolation level.
                Delivery.objects.filter(pk__in=ids).filter(available).update(
                    status=Delivery.Status.SENDING,
                    claim_token=token,
                    lease_until=lease_until,
                    attempts=F("attempts") + 1,
                )
            break
        except OperationalError:
            # SQLite: another worker holds the write lock ("database is locked"); try again.
            time.sleep(min(0.02 * (attempt + 1), 0.5))
    else:
        return token, []
    return token, list(
        Delivery.objects.filter(claim_token=token, status=Delivery.Status.SENDING)
        .select_related("subscriber")
        .order_by("pk")
    )


def release(token):
    Delivery.objects.filter(claim_token=token, status=Delivery.Status.SENDING).update(
        status=Delivery.Status.PENDING, lease_until=None
    )
