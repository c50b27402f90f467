"""The rules of registration, each run in one transaction that first locks the event's row, so that
two people taking the last place at the same moment never both get it and a freed place is offered
once:

- a registration takes a free place (CONFIRMED), or goes on the waiting list (WAITING) when the
  event is full and has one;
- a place that frees (a cancellation, an erasure, an expired offer, more places) is offered to the
  first on the list (OFFERED, valid `offer_hours`); the offer holds the place until it is accepted
  (CONFIRMED) or expires (EXPIRED), when the next on the list gets it;
- when the event requires approval, a request waits (PENDING) and holds no place: a moderator
  accepts it (a free place, else the waiting list) or refuses it (REFUSED). A freed place is never
  offered to a pending request.

Places are counted per date: a single event's, or one occurrence's of a recurring event (a
registration's `occurrence`). Every rule locks the event's row, whichever its date.

Each function returns the emails to send as (kind, registration id) pairs; the caller sends them
once the transaction has committed (`send_notices`)."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models.registrations import ACTIVE, HOLDING, Registration, RegistrationStatus
from .tasks import send_registration_email


class RegistrationError(Exception):
    """The registration cannot be made or changed; the message says why, in French."""


def lock_event(event):
    """The event's row, locked until the transaction ends (PostgreSQL; SQLite has one writer)."""
    return type(event).objects.select_for_update(of=("self",)).only("pk").get(pk=event.pk)


def release_expired_offers(event, occurrence=None, now=None) -> list:
    """Expire the offers of the date not accepted in time; the caller holds the lock."""
    now = now or timezone.now()
    expired = list(
        event.slot_registrations(occurrence).filter(
            status=RegistrationStatus.OFFERED, offer_expires_at__lte=now
        )
    )
    for registration in expired:
        registration.status = RegistrationStatus.EXPIRED
        registration.save(update_fields=["status", "updated_at"])
    return [("offer_expired", registration.pk) for registration in expired]


def offer_free_places(event, occurrence=None, now=None) -> list:
    """Offer each free place of the date to the next on its waiting list; the caller holds the
    lock."""
    now = now or timezone.now()
    registrations = event.slot_registrations(occurrence)
    if event.capacity is None:
        # No limit: everyone waiting (if the limit was just removed) gets a place at once.
        waiting = list(registrations.filter(status=RegistrationStatus.WAITING))
        for registration in waiting:
            registration.status = RegistrationStatus.CONFIRMED
            registration.save(update_fields=["status", "updated_at"])
        return [("confirmed", registration.pk) for registration in waiting]
    if now >= event.registration_closes(occurrence):
        return []
    free = event.capacity - registrations.filter(status__in=HOLDING).count()
    if free <= 0:
        return []
    offered = list(
        registrations.filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")[:free]
    )
    expires_at = now + datetime.timedelta(hours=event.offer_hours)
    for registration in offered:
        registration.status = RegistrationStatus.OFFERED
        registration.offer_expires_at = expires_at
        registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
    return [("offered", registration.pk) for registration in offered]


def refresh_places(event, occurrence=None, now=None) -> list:
    """Expire late offers of the date and offer the places they free; the caller holds the
    lock."""
    return release_expired_offers(event, occurrence, now) + offer_free_places(
        event, occurrence, now
    )


STATE_MESSAGES = {
    "none": gettext_lazy("Cet événement ne prend pas d'inscription sur le site."),
    "cancelled": gettext_lazy("Cet événement est annulé : les inscriptions sont fermées."),
    "not_yet": gettext_lazy("Les inscriptions ne sont pas encore ouvertes."),
    "closed": gettext_lazy("Les inscriptions sont closes."),
    "closed_full": gettext_lazy("Cet événement est complet : les inscriptions sont closes."),
    "choose_date": gettext_lazy("Cet événement se répète : inscrivez-vous à l'une de ses dates."),
}


def register(event, occurrence=None, **data):
    """Register `data["email"]` to `event` (to its date `occurrence` for a series); returns
    (registration, notices)."""
    now = timezone.now()
    try:
        with transaction.atomic():
            lock_event(event)
            notices = refresh_places(event, occurrence, now)
            event.refresh_from_db()
            if occurrence is not None:
                occurrence.refresh_from_db()
            state = event.registration_state(now, occurrence)
            if state in STATE_MESSAGES:
                raise RegistrationError(str(STATE_MESSAGES[state]))
            email = data["email"].strip().lower()
            registrations = event.slot_registrations(occurrence)
            if registrations.filter(email=email, status__in=ACTIVE).exists():
                raise RegistrationError(
                    _(
                        "Cette adresse est déjà inscrite à cet événement. Le courriel de "
                        "confirmation contient le lien pour gérer votre inscription."
                    )
                )
            if event.requires_approval:
                status = RegistrationStatus.PENDING
            elif state == "open":
                status = RegistrationStatus.CONFIRMED
            else:
                status = RegistrationStatus.WAITING
            registration = Registration.objects.create(
                event=event, occurrence=occurrence, status=status, **{**data, "email": email}
            )
    except IntegrityError as error:
        # The same address posted twice at the same moment: the constraint kept one.
        raise RegistrationError(_("Cette adresse est déjà inscrite à cet événement.")) from error
    return registration, notices + [(status, registration.pk)]


def cancel(registration):
    """The registrant cancels: the place, if they held one, goes to the waiting list."""
    with transaction.atomic():
        lock_event(registration.event)
        registration.refresh_from_db()
        if not registration.is_active:
            raise RegistrationError(_("Cette inscription est déjà annulée."))
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.offer_expires_at = None
        registration.save(
            update_fields=["status", "cancelled_at", "offer_expires_at", "updated_at"]
        )
        notices = refresh_places(registration.event, registration.occurrence)
    return [("cancelled", registration.pk)] + notices


def accept_offer(registration):
    """The first on the list takes the place offered to them, if the offer still runs."""
    now = timezone.now()
    with transaction.atomic():
        lock_event(registration.event)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CONFIRMED:
            raise RegistrationError(_("Votre place est déjà confirmée."))
        valid = (
            registration.status == RegistrationStatus.OFFERED
            and registration.offer_expires_at > now
        )
        if valid:
            registration.status = RegistrationStatus.CONFIRMED
            registration.offer_expires_at = None
            registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
            return [("confirmed", registration.pk)]
        # Too late: the offer lapses now (and the place goes to the next) rather than at the
        # next run of `expire_event_offers`.
        notices = refresh_places(registration.event, registration.occurrence, now)
    send_notices(notices)
    raise RegistrationError(
        _(
            "Cette proposition n'est plus valable : la place a été proposée à la personne "
            "suivante de la liste d'attente."
        )
    )


def erase(registration):
    """Delete the registration and what it holds of the person; its place goes to the list."""
    event = registration.event
    occurrence = registration.occurrence
    with transaction.atomic():
        lock_event(event)
        Registration.objects.filter(pk=registration.pk).delete()
        notices = refresh_places(event, occurrence)
    return notices


def approve(registration) -> list:
    """A moderator accepts a pending request: a free place if there is one, else the waiting
    list (when the event has one; else the request is refused, the event being full)."""
    event = registration.event
    with transaction.atomic():
        lock_event(event)
        registration.refresh_from_db()
        if registration.status != RegistrationStatus.PENDING:
            raise RegistrationError(_("Cette demande n'attend plus de validation."))
        event.refresh_from_db()
        notices = refresh_places(event, registration.occurrence)
        left = event.places_left(registration.occurrence)
        if left is None or left > 0:
            registration.status = RegistrationStatus.CONFIRMED
        elif event.waiting_list:
            registration.status = RegistrationStatus.WAITING
        else:
            raise RegistrationError(
                _("L'événement est complet et n'a pas de liste d'attente : refusez la demande.")
            )
        registration.save(update_fields=["status", "updated_at"])
    return notices + [(registration.status, registration.pk)]


def refuse(registration) -> list:
    """A moderator refuses a pending request (it holds no place: nothing frees)."""
    with transaction.atomic():
        lock_event(registration.event)
        registration.refresh_from_db()
        if registration.status != RegistrationStatus.PENDING:
            raise RegistrationError(_("Cette demande n'attend plus de validation."))
        registration.status = RegistrationStatus.REFUSED
        registration.save(update_fields=["status", "updated_at"])
    return [("refused", registration.pk)]


def send_notices(notices) -> None:
    """Send the emails `notices` name (background tasks on the email queue)."""
    for kind, registration_id in notices:
        send_registration_email.enqueue(registration_id=registration_id, kind=kind)
