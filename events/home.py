"""The agenda on the home page (a section registered with core.sections): the next three dates
of the agenda under that home page, and links to the agenda and its month view."""

from django.utils import timezone

from .models.agenda import AgendaPage
from .models.choices import EventStatus
from .views.agenda import agenda_events, occurrences_of

HOME_COUNT = 3


def next_events(request, home) -> dict | None:
    """The section's context; None when this home page has no agenda."""
    if home is None:
        return None
    # One query when the site has no agenda (the events themselves are read public only).
    agenda = AgendaPage.objects.live().child_of(home).first()
    if agenda is None:
        return None
    items = list(
        occurrences_of(agenda_events(agenda))
        .filter(ends_at__gte=timezone.now(), cancelled=False)
        .exclude(event__status=EventStatus.CANCELLED)
        .order_by("starts_at", "pk")[:HOME_COUNT]
    )
    return {
        "agenda": agenda,
        "items": items,
        "month_url": agenda.url + agenda.reverse_subpage("month_view"),
    }
