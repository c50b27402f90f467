from .agenda import AgendaPage
from .choices import EventKind, EventStatus, OrganisationKind
from .event import EventPage
from .inlines import EventDocument, EventSpeaker
from .occurrences import EventOccurrence
from .recurrence import ChangeKind, Frequency, OccurrenceChange, Weekday, WeekOfMonth
from .registrations import Registration, RegistrationStatus

__all__ = [
    "AgendaPage",
    "ChangeKind",
    "EventDocument",
    "EventKind",
    "EventOccurrence",
    "EventPage",
    "EventSpeaker",
    "EventStatus",
    "Frequency",
    "OccurrenceChange",
    "OrganisationKind",
    "Registration",
    "RegistrationStatus",
    "WeekOfMonth",
    "Weekday",
]
