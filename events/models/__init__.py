from .agenda import AgendaPage
from .choices import EventKind, EventStatus, OrganisationKind
from .event import EventDocument, EventPage, EventSpeaker
from .registrations import Registration, RegistrationStatus

__all__ = [
    "AgendaPage",
    "EventDocument",
    "EventKind",
    "EventPage",
    "EventSpeaker",
    "EventStatus",
    "OrganisationKind",
    "Registration",
    "RegistrationStatus",
]
