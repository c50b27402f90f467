"""The events and dates the agenda, its feeds, the sitemap, the digest and the home pages read: the
public ones, or those a signed-in person may see (the network's meetings behind a page privacy)."""

from django.db import models
from django.utils import timezone

from wagtail.models import PageViewRestriction

from .choices import EventStatus
from .event import EventPage
from .occurrences import EventOccurrence


def public_events():
    """The live public events (network-only pages never appear in lists, feeds or digests)."""
    return EventPage.objects.live().public()


def visible_events(request=None):
    """The live events `request`'s visitor may see in the agenda: the public ones, and for a
    signed-in person also those behind a page privacy they pass (Wagtail's own rule,
    `PageViewRestriction.accept_request`: the network's meetings for a member of the group
    core.network.NETWORK). Without a request, or for an anonymous visitor: the public events."""
    events = EventPage.objects.live()
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return events.public()
    denied = models.Q()
    for restriction in PageViewRestriction.objects.select_related("page"):
        if not restriction.accept_request(request):
            denied |= events.descendant_of_q(restriction.page, inclusive=True)
    return events.exclude(denied) if denied else events


def network_event_ids(events) -> set[int]:
    """Which of `events` are behind a page privacy (shown "réservé au réseau")."""
    return set(events.not_public().values_list("pk", flat=True))


def public_occurrences():
    """The dates of the live public events."""
    return EventOccurrence.objects.filter(event__in=public_events()).select_related(
        "event", "event__locale"
    )


def upcoming_events(locale, limit, *, before=None, option=""):
    """The digest source of the agenda (core.digest): the events still to come at the issue's date
    (`before`, now when None), soonest first (a series once, at its next date)."""
    upcoming = models.Q(
        occurrences__ends_at__gte=before or timezone.now(), occurrences__cancelled=False
    )
    return (
        public_events()
        .filter(locale=locale)
        .exclude(status=EventStatus.CANCELLED)
        .annotate(next_start=models.Min("occurrences__starts_at", filter=upcoming))
        .filter(next_start__isnull=False)
        .order_by("next_start")[:limit]
    )
