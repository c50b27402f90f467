"""The agenda on the home page (a section registered with core.sections): the next three dates
of the agenda under that home page, and links to the agenda and its month view; and on the
members' home, the next meetings reserved to the network."""

from django.utils import timezone

from core.i18n import active_locale_id

from .models.agenda import AgendaPage
from .models.choices import EventStatus
from .models.queries import visible_events
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


MEMBERS_COUNT = 5


def next_network_meetings(request, members_home) -> dict:
    """The members' home section (core.sections.register_members_section): the next dates of the
    meetings reserved to the network that this member may see (behind a page privacy they pass),
    in the language of the members' home, soonest first."""
    locale_id = getattr(members_home, "locale_id", None) or active_locale_id()
    events = visible_events(request).not_public()
    if locale_id is not None:
        events = events.filter(locale_id=locale_id)
    items = list(
        occurrences_of(events)
        .filter(ends_at__gte=timezone.now(), cancelled=False)
        .exclude(event__status=EventStatus.CANCELLED)
        .order_by("starts_at", "pk")[:MEMBERS_COUNT]
    )
    agendas = AgendaPage.objects.live().public()
    agenda = (agendas.filter(locale_id=locale_id) if locale_id else agendas).first()
    return {"items": items, "agenda": agenda}
