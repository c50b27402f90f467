"""Moderators' pages in the admin: accept or refuse a registration that waits for approval (the
person is emailed), and the sign-in sheet of an event or of one date of a series (a printable
page: the registrants with an empty signature column)."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import booking
from .models import EventOccurrence, EventPage, Registration, RegistrationStatus

SHEET_STATUSES = [RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED]
LIST_URL = "/admin/events/registrations/"


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
def moderate(request, pk):
    """A pending request: its answers, and the buttons to accept or refuse it."""
    _require(request, "events.change_registration")
    registration = get_object_or_404(
        Registration.objects.select_related("event", "occurrence"), pk=pk
    )
    if request.method == "POST":
        action = {"accept": booking.approve, "refuse": booking.refuse}.get(
            request.POST.get("action", "")
        )
        if action is None:
            messages.error(request, _("Cette action n'existe pas."))
        else:
            try:
                notices = action(registration)
            except booking.RegistrationError as refusal:
                messages.error(request, str(refusal))
            else:
                booking.send_notices(notices)
                registration.refresh_from_db()
                messages.success(
                    request,
                    _("%(name)s : %(status)s. La personne est prévenue par courriel.")
                    % {"name": registration.name, "status": registration.get_status_display()},
                )
                return redirect(f"{LIST_URL}?status=pending")
    context = {
        "registration": registration,
        "when": registration.when,
        "places_left": registration.event.places_left(registration.occurrence),
        "is_pending": registration.status == RegistrationStatus.PENDING,
        "list_url": LIST_URL,
    }
    return TemplateResponse(request, "events/admin/moderate.html", context)


def sign_in_sheets(request):
    """The dates that take registrations, from a month ago to three months ahead, each with a
    link to its sheet."""
    _require(request, "events.view_registration")
    now = timezone.now()
    dates = (
        EventOccurrence.objects.filter(
            event__registration_enabled=True,
            ends_at__gte=now - datetime.timedelta(days=31),
            starts_at__lte=now + datetime.timedelta(days=92),
        )
        .select_related("event")
        .order_by("starts_at")
    )
    return TemplateResponse(request, "events/admin/sign_in_sheets.html", {"dates": dates})


def sign_in_sheet(request, event_id, occurrence_id=None):
    """The printable sheet: the confirmed registrants by name, a column to sign."""
    _require(request, "events.view_registration")
    event = get_object_or_404(EventPage, pk=event_id)
    occurrence = None
    if occurrence_id is not None:
        occurrence = get_object_or_404(EventOccurrence, pk=occurrence_id, event=event)
    elif event.is_recurring:
        raise Http404(_("Choisissez une date de cette série."))
    registrants = (
        event.slot_registrations(occurrence)
        .filter(status__in=SHEET_STATUSES)
        .order_by("name", "pk")
    )
    context = {
        "event": event,
        "when": occurrence or event,
        "registrants": registrants,
        "capacity": event.capacity,
    }
    return TemplateResponse(request, "events/admin/sign_in_sheet.html", context)
