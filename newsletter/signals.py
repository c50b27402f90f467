"""anymail's tracking webhooks update the send ledger (see newsletter.tracking)."""

from django.dispatch import receiver

from anymail.signals import tracking

from .tracking import record_tracking_event


@receiver(tracking, dispatch_uid="newsletter.tracking")
def handle_tracking(sender, event, esp_name, **kwargs):
    record_tracking_event(event, esp_name)
