"""anymail's tracking webhooks update the send ledger (newsletter.tracking); erasing a subscriber
keeps the address suppressed and removes its copies elsewhere (newsletter.erasure)."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver

from anymail.signals import tracking

from .erasure import erase_traces
from .models import Subscriber, Suppression, SuppressionReason, email_hash
from .tracking import record_tracking_event


@receiver(tracking, dispatch_uid="newsletter.tracking")
def handle_tracking(sender, event, esp_name, **kwargs):
    record_tracking_event(event, esp_name)


@receiver(pre_delete, sender=Subscriber, dispatch_uid="newsletter.erase")
def keep_suppression_on_erasure(sender, instance, **kwargs):
    """Deleting a subscriber (the admin's delete button, or `subscriptions.erase`) is an erasure:
    the address stays on the suppression list, as a hash. Not when the retention command purges a
    lapsed subscriber (purge_newsletter_data)."""
    if getattr(instance, "purged_by_retention", False):
        return
    Suppression.objects.get_or_create(
        email_hash=email_hash(instance.email), defaults={"reason": SuppressionReason.ERASED}
    )
    erase_traces(instance.email, instance.pk)
