"""What the provider tells us after a message left: delivered, opened, clicked, bounced, complained,
unsubscribed. A hard bounce or a complaint suppresses the address for every future send; a soft bounce
is counted, and suppresses it only after NEWSLETTER_SOFT_BOUNCE_LIMIT consecutive sends."""

import logging

from django.conf import settings
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
    """anymail reports some temporary bounces as "bounced": those must not suppress the address at
    once. Each provider says so in its own payload."""
    raw = event.esp_event if isinstance(event.esp_event, dict) else {}
    ses_bounce = raw.get("bounce")
    return (
        raw.get("event") == "soft_bounce"  # Brevo
        or raw.get("hard_bounce") is False  # Mailjet
        # Amazon SES: Transient and Undetermined bounces
        or (isinstance(ses_bounce, dict) and ses_bounce.get("bounceType") != "Permanent")
        # Postmark: SoftBounce, VirusNotification...
        or (raw.get("RecordType") == "Bounce" and raw.get("Type") != "HardBounce")
        or (raw.get("event") == "bounce" and raw.get("type") == "blocked")  # SendGrid
    )


def soft_bounced_too_often(subscriber):
    """True when the subscriber's last NEWSLETTER_SOFT_BOUNCE_LIMIT sends all bounced temporarily."""
    limit = settings.NEWSLETTER_SOFT_BOUNCE_LIMIT
    last = list(
        subscriber.deliveries.filter(status=Delivery.Status.SENT)
        .order_by("-send_id")
        .values_list("soft_bounced_at", flat=True)[:limit]
    )
    return len(last) == limit and all(last)


def record_tracking_event(event, esp_name=""):
    """Apply one anymail tracking event to the delivery it concerns; events about messages the
    newsletter did not send (confirmation emails, the contact form) are ignored."""
    if not event.message_id or event.event_type not in TIMESTAMP_FIELDS:
        return None
    soft = event.event_type == "bounced" and is_soft_bounce(event)
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(of=("self",))
            .select_related("subscriber")
            .filter(provider_message_id=str(event.message_id))
            .first()
        )
        if delivery is None:
            logger.info("%s %s event for an unknown message", esp_name, event.event_type)
            return None
        field = "soft_bounced_at" if soft else TIMESTAMP_FIELDS[event.event_type]
        if getattr(delivery, field) is None:
            setattr(delivery, field, event.timestamp or timezone.now())
            delivery.save(update_fields=[field])
        subscriber = delivery.subscriber
        if subscriber is None:
            return delivery
        if soft:
            if soft_bounced_too_often(subscriber):
                suppress(subscriber.email, SuppressionReason.SOFT_BOUNCES)
                unsubscribe(subscriber, purpose=None, count_in_report=False)
        elif event.event_type == "bounced":
            suppress(subscriber.email, SuppressionReason.HARD_BOUNCE)
            unsubscribe(subscriber, purpose=None, count_in_report=False)
        elif event.event_type == "complained":
            suppress(subscriber.email, SuppressionReason.COMPLAINT)
            unsubscribe(subscriber, purpose=None, count_in_report=False)
        elif event.event_type == "unsubscribed":
            unsubscribe(subscriber, purpose=Purpose.NEWSLETTER)
    return delivery
