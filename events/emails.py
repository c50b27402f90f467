"""The emails to registrants, in their language: confirmation (with the event's .ics attached),
waiting list, place offered, offer expired, cancellation, reminders, and the notices of an event
cancelled or changed. Each carries the signed link to the registrant's page (cancel, erase)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from . import ical
from .models.registrations import Registration
from .schedule import format_day
from .tokens import manage_url

SUBJECTS = {
    "confirmed": _("Inscription confirmée : %(title)s"),
    "waiting": _("Liste d'attente : %(title)s"),
    "pending": _("Demande d'inscription reçue : %(title)s"),
    "refused": _("Demande d'inscription non retenue : %(title)s"),
    "offered": _("Une place s'est libérée : %(title)s"),
    "offer_expired": _("Proposition expirée : %(title)s"),
    "cancelled": _("Inscription annulée : %(title)s"),
    "reminder_day": _("Rappel : %(title)s, demain"),
    "reminder_hour": _("Rappel : %(title)s, dans une heure"),
    "event_cancelled": _("Événement annulé : %(title)s"),
    "event_changed": _("Changement de date ou de lieu : %(title)s"),
}
# A date of a series: the subject names it (the other dates are not concerned).
SUBJECTS_OF_A_DATE = {
    "event_cancelled": _("Séance annulée : %(title)s, %(day)s"),
    "event_changed": _("Changement de date ou de lieu : %(title)s, séance du %(day)s"),
}
# The emails that carry the event as a calendar file (the place is the registrant's).
WITH_CALENDAR = {"confirmed", "event_changed", "event_cancelled"}


def build_registration_email(registration, kind: str) -> EmailMessage:
    event = registration.event
    occurrence = registration.occurrence if registration.occurrence_id else None
    if occurrence is not None and not occurrence.in_series:
        occurrence = None
    with translation.override(registration.language):
        context = {
            "kind": kind,
            "registration": registration,
            "event": event,
            "event_url": registration.page_url,
            "when": registration.when,
            "manage_url": manage_url(registration),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "retention_months": settings.EVENTS_REGISTRATION_RETENTION_MONTHS,
            # One date of a series: the emails name it ("du mardi 12 janvier 2027"), and a
            # cancelled or moved date is named by the date it was planned for.
            "day": format_day(occurrence.start_date) if occurrence else "",
            "planned_day": format_day(occurrence.original_date) if occurrence else "",
        }
        if occurrence and kind in SUBJECTS_OF_A_DATE and not event.is_cancelled:
            subject = str(SUBJECTS_OF_A_DATE[kind]) % {
                "title": event.title,
                "day": context["planned_day"],
            }
        elif occurrence:
            subject = str(SUBJECTS[kind]) % {"title": f"{event.title}, {context['day']}"}
        else:
            subject = str(SUBJECTS[kind]) % {"title": event.title}
        body = render_to_string("events/email/registration.txt", context)
        message = EmailMessage(
            subject=subject,
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[registration.email],
        )
        if kind in WITH_CALENDAR:
            cal = ical.registration_calendar(registration, context["event_url"])
            message.attach(f"{event.slug}.ics", ical.to_bytes(cal), ical.CONTENT_TYPE)
    return message


def send_registration_email(registration_id: int, kind: str) -> bool:
    registration = (
        Registration.objects.select_related("event", "event__locale", "occurrence")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None:
        return False
    build_registration_email(registration, kind).send()
    return True
