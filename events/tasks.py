"""Background tasks of the agenda: the emails to registrants (inline by default, on the database
queue in production)."""

from django_tasks import task

from .emails import send_registration_email as send_email
from .models.registrations import ACTIVE, Registration


@task(queue_name="email")
def send_registration_email(*, registration_id: int, kind: str) -> bool:
    """Email one registrant about their registration (`kind`: see events.emails.SUBJECTS); False
    when the registration no longer exists (erased meanwhile)."""
    return send_email(registration_id, kind)


@task(queue_name="email")
def notify_registrants(*, event_id: int, kind: str, occurrence_id: int | None = None) -> int:
    """Tell every active registrant of the event (of its date `occurrence_id` only, when given)
    that it is cancelled or has moved ("event_cancelled", "event_changed"), each email a task of
    its own; returns how many were queued."""
    registrations = Registration.objects.filter(event_id=event_id, status__in=ACTIVE)
    if occurrence_id is not None:
        registrations = registrations.filter(occurrence_id=occurrence_id)
    ids = list(registrations.values_list("pk", flat=True))
    for registration_id in ids:
        send_registration_email.enqueue(registration_id=registration_id, kind=kind)
    return len(ids)
