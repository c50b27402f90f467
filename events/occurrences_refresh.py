"""The nightly extension of the series without an end: their dates are kept as rows up to
`HORIZON` ahead (models.recurrence), so each day one more day of them enters the agenda."""

from django.db import transaction

from . import booking
from .models.event import EventPage
from .models.occurrences import sync_occurrences


def refresh_open_ended_series() -> int:
    """Rewrite the dates of every live series with neither an end date nor a count; returns how
    many series."""
    series = (
        EventPage.objects.live()
        .exclude(repeat="")
        .filter(repeat_until__isnull=True, repeat_count__isnull=True)
    )
    count = 0
    for event in series.prefetch_related("occurrence_changes"):
        with transaction.atomic():
            booking.lock_event(event)
            sync_occurrences(event)
        count += 1
    return count
