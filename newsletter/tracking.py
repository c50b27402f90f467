"""What the provider tells us after a message left: delivered, opened, clicked, bounced, complained,
unsubscribed. A hard bounce or a complaint suppresses the address for every future send."""

import logging

from django.db import transaction
from django.utils import timezone

from .models import Delivery, Purpose, SuppressionReason
from .subscriptions import suppress, unsubscribe

logger = logging.getLogger(__name__)

TIMESTAMP_FIELDS = {
    "delivered": "delivered_at",
    "opened": "opened_at",
    "clicked": "clicked_at",
    "bounced": "bounced_at",
    "complained": "complained_at",
    "unsubscribed": "unsubscribed_at",
}


def is_soft_bounce(event):
    """anymail reports some temporary bounces as "bounced" (Brevo's soft_bounce, Mailjet's bounce
    with hard_bounce false): those must not suppress the address."""
    raw = event.esp_event if isinstance(event.esp_event, dict) else {}
    return raw.get("event") == "soft_bounce" or raw.get("hard_bounce") is False


def record_tracking_event(event, esp_name=""):
    """Apply one anymail tracking event to the delivery it concerns; events about messages the
    newsletter did not send (confirmation emails, the contact form) are ignored."""
    if not event.message_id or event.event_type not in TIMESTAMP_FIELDS:
        return None
    if event.event_type == "bounced" and is_soft_bounce(event):
        return None
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update()
            .select_related("subscriber")
            .filter(provider_message_id=str(event.message_id))
            .first()
        )
        if delivery is None:
            logger.info("%s %s event for an unknown message", esp_name, event.event_type)
            return None
        field = TIMESTAMP_FIELDS[event.event_type]
        if getattr(delivery, field) is None:
            setattr(delivery, field, event.timestamp or timezone.now())
            delivery.save(update_fields=[field])
        subscriber = delivery.subscriber
        if subscriber is None:
            return delivery
        if event.event_type == "bounced":
            suppress(subscriber.email, SuppressionReason.HARD_BOUNCE)
            unsubscribe(subscriber, purpose=None, count_in_report=False)
        elif event.event_type == "complained":
            suppress(subscriber.email, SuppressionReason.COMPLAINT)
            unsubscribe(subscriber, purpose=None, count_in_report=False)
        elif event.event_type == "unsubscribed":
            unsubscribe(subscriber, purpose=Purpose.NEWSLETTER)
    return delivery
