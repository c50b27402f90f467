"""Scheduled work of the agenda, run by the management commands (cron or systemd timers):
reminders the day before and an hour before online events, expired waiting-list offers, and the
erasure of registrations once their retention period has passed."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import booking
from .models.event import EventPage
from .models.registrations import Registration, RegistrationStatus

DAY_BEFORE = datetime.timedelta(hours=24)
HOUR_BEFORE = datetime.timedelta(hours=1)


def _claim(registrations, field, now):
    """Mark the registrations as reminded, one UPDATE each that only succeeds once: two runs at
    the same moment never send the same reminder twice."""
    claimed = []
    for registration in registrations:
        updated = Registration.objects.filter(
            pk=registration.pk, **{f"{field}__isnull": True}
        ).update(**{field: now})
        if updated:
            claimed.append(registration.pk)
    return claimed


def send_reminders(now=None) -> int:
    """Queue the reminders due at `now`; returns how many."""
    now = now or timezone.now()
    confirmed = Registration.objects.filter(status=RegistrationStatus.CONFIRMED).exclude(
        event__status="cancelled"
    )
    day = confirmed.filter(
        event__starts_at__gt=now,
        event__starts_at__lte=now + DAY_BEFORE,
        reminded_day_before_at__isnull=True,
    )
    # An event starting within the hour gets the hour's reminder only, not a late "tomorrow".
    day = day.exclude(event__starts_at__lte=now + HOUR_BEFORE)
    hour = confirmed.filter(
        event__starts_at__gt=now,
        event__starts_at__lte=now + HOUR_BEFORE,
        reminded_hour_before_at__isnull=True,
    ).exclude(event__online_url="")
    notices = [("reminder_day", pk) for pk in _claim(day, "reminded_day_before_at", now)]
    notices += [("reminder_hour", pk) for pk in _claim(hour, "reminded_hour_before_at", now)]
    booking.send_notices(notices)
    return len(notices)


def expire_offers(now=None) -> int:
    """Expire the offers not accepted in time, each event under its lock, and offer the places
    to the next on the list; returns how many offers expired."""
    now = now or timezone.now()
    event_ids = (
        Registration.objects.filter(status=RegistrationStatus.OFFERED, offer_expires_at__lte=now)
        .values_list("event_id", flat=True)
        .distinct()
    )
    expired = 0
    for event in EventPage.objects.filter(pk__in=list(event_ids)):
        with transaction.atomic():
            booking.lock_event(event)
            notices = booking.refresh_places(event, now)
        expired += sum(1 for kind, _pk in notices if kind == "offer_expired")
        booking.send_notices(notices)
    return expired


def erase_past_registrations(now=None) -> int:
    """Delete the registrations of events that ended more than
    EVENTS_REGISTRATION_RETENTION_MONTHS months ago; returns how many."""
    now = now or timezone.now()
    months = settings.EVENTS_REGISTRATION_RETENTION_MONTHS
    limit = now - datetime.timedelta(days=round(months * 30.44))
    deleted, _by_model = Registration.objects.filter(event__ends_at__lt=limit).delete()
    return deleted
