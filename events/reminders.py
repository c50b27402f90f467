"""Scheduled work of the agenda, run by the management commands (cron or systemd timers):
reminders the day before and an hour before online events, expired waiting-list offers, and the
erasure of registrations once their retention period has passed."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce
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
    # A date of a series starts at its occurrence's time, a single event at its own.
    confirmed = (
        Registration.objects.filter(status=RegistrationStatus.CONFIRMED)
        .exclude(event__status="cancelled")
        .exclude(occurrence__cancelled=True)
        .annotate(date_starts_at=Coalesce(F("occurrence__starts_at"), F("event__starts_at")))
    )
    day = confirmed.filter(
        date_starts_at__gt=now,
        date_starts_at__lte=now + DAY_BEFORE,
        reminded_day_before_at__isnull=True,
    )
    # An event starting within the hour gets the hour's reminder only, not a late "tomorrow".
    day = day.exclude(date_starts_at__lte=now + HOUR_BEFORE)
    hour = confirmed.filter(
        date_starts_at__gt=now,
        date_starts_at__lte=now + HOUR_BEFORE,
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
    dates = (
        Registration.objects.filter(status=RegistrationStatus.OFFERED, offer_expires_at__lte=now)
        .values_list("event_id", "occurrence_id")
        .distinct()
    )
    expired = 0
    for event_id, occurrence_id in list(dates):
        event = EventPage.objects.get(pk=event_id)
        occurrence = event.occurrences.get(pk=occurrence_id) if occurrence_id else None
        with transaction.atomic():
            booking.lock_event(event)
            notices = booking.refresh_places(event, occurrence, now)
        expired += sum(1 for kind, _pk in notices if kind == "offer_expired")
        booking.send_notices(notices)
    return expired


def erase_past_registrations(now=None) -> int:
    """Delete the registrations of events that ended more than
    EVENTS_REGISTRATION_RETENTION_MONTHS months ago; returns how many."""
    now = now or timezone.now()
    months = settings.EVENTS_REGISTRATION_RETENTION_MONTHS
    limit = now - datetime.timedelta(days=round(months * 30.44))
    deleted, _by_model = (
        Registration.objects.annotate(
            date_ends_at=Coalesce(F("occurrence__ends_at"), F("event__ends_at"))
        )
        .filter(date_ends_at__lt=limit)
        .delete()
    )
    return deleted
