"""An event's page, its registration form, the registrant's page (reached by the signed link of
their emails) and its .ics file. Served by EventPage's routes; reads the registrations through
`models.registrations`, never through the page's module."""

import json

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from core.ratelimit import client_ip, over_limit, rate_limited
from newsletter import subscriptions

from .. import booking, ical
from ..forms import NEWSLETTER_CONSENT_TEXT, RegistrationForm
from ..models.choices import EventStatus
from ..models.registrations import RegistrationStatus
from ..tokens import InvalidLink, registration_from_token

SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.MOVED_ONLINE: "https://schema.org/EventMovedOnline",
}


def structured_data(event, request, occurrence=None) -> str:
    """schema.org Event (JSON-LD) of a public event (of one date of a series), escaped for a
    <script> element."""
    url = occurrence.get_full_url(request) if occurrence else event.get_full_url(request)
    dates = occurrence or event
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "eventStatus": SCHEMA_STATUS[
            EventStatus.CANCELLED if occurrence and occurrence.cancelled else event.status
        ],
        "organizer": {"@type": "Organization", "name": event.organiser},
        "inLanguage": event.locale.language_code,
    }
    if dates.all_day:
        data["startDate"] = dates.start_date.isoformat()
        data["endDate"] = (dates.end_date or dates.start_date).isoformat()
    else:
        data["startDate"] = dates.starts_at.astimezone(ical.PARIS).isoformat()
        data["endDate"] = dates.ends_at.astimezone(ical.PARIS).isoformat()
    if event.previous_start_date:
        data["previousStartDate"] = event.previous_start_date.isoformat()
    locations = []
    if event.has_place:
        locations.append(
            {
                "@type": "Place",
                "name": event.venue or event.city,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": event.street_address,
                    "postalCode": event.postal_code,
                    "addressLocality": event.city,
                    "addressCountry": "FR",
                },
            }
        )
        if event.latitude is not None:
            locations[0]["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(event.latitude),
                "longitude": float(event.longitude),
            }
    if event.online_url:
        # The meeting link itself is for registrants: the page stands for it.
        locations.append({"@type": "VirtualLocation", "url": url})
    data["location"] = locations[0] if len(locations) == 1 else locations
    data["eventAttendanceMode"] = (
        "https://schema.org/MixedEventAttendanceMode"
        if len(locations) > 1
        else "https://schema.org/OnlineEventAttendanceMode"
        if not event.has_place
        else "https://schema.org/OfflineEventAttendanceMode"
    )
    if event.registration_enabled and (occurrence or not event.is_recurring):
        offer = {
            "@type": "Offer",
            "price": 0,
            "priceCurrency": "EUR",
            "url": url + "inscription/",
            "availability": "https://schema.org/InStock"
            if event.registration_state(occurrence=occurrence) == "open"
            else "https://schema.org/SoldOut",
        }
        left = event.places_left(occurrence)
        if left is not None:
            offer["inventoryLevel"] = {"@type": "QuantitativeValue", "value": left}
        data["offers"] = offer
    # "</" would end the script element: written as its JSON escape.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def occurrence_or_404(event, key):
    """The date of a series named by `key` in the URL (None when no key): a date the rule does
    not give is a 404 with the agenda's page, never an error."""
    if key is None:
        return None
    occurrence = event.occurrence_by_key(key)
    if occurrence is None:
        raise Http404(_("Cet événement n'a pas lieu à cette date."))
    return occurrence


def _context(request, event, occurrence=None, **extra):
    context = event.get_context(request)
    base = occurrence.url if occurrence else event.url
    left = event.places_left(occurrence)
    context.update(
        {
            "occurrence": occurrence,
            "dates": occurrence or event,
            "timing": (occurrence or event).timing(),
            "registration_state": event.registration_state(occurrence=occurrence),
            "places_left": left,
            "page_url": base,
            "register_url": base + "inscription/",
            "ical_url": base + "calendrier/",
            **extra,
        }
    )
    return context


def event_detail(request, event, key=None):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    occurrence = occurrence_or_404(event, key)
    context = _context(
        request,
        event,
        occurrence,
        structured_data=structured_data(event, request, occurrence),
        next_occurrences=event.next_occurrences() if event.is_recurring else [],
    )
    return TemplateResponse(request, event.template, context)


def register(request, event, key=None):
    """GET: the form (or why one cannot register); POST: register, or say what to correct."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    occurrence = occurrence_or_404(event, key)
    status = 200
    registration = None
    error = ""
    if request.method == "POST":
        if over_limit(request, "events-register", settings.EVENTS_RATE_LIMIT):
            return rate_limited(request)
        form = RegistrationForm(request.POST, event=event)
        if form.is_valid():
            language = translation.get_language() or settings.LANGUAGE_CODE
            try:
                registration, notices = booking.register(
                    event, occurrence, language=language, **form.registration_data()
                )
            except booking.RegistrationError as refusal:
                error = str(refusal)
                status = 409
            else:
                booking.send_notices(notices)
                if form.cleaned_data.get("newsletter"):
                    subscriptions.subscribe(
                        registration.email,
                        purpose=subscriptions.Purpose.NEWSLETTER,
                        language=language,
                        consent_text=str(NEWSLETTER_CONSENT_TEXT),
                        ip=client_ip(request),
                        audiences=[audience.key for audience in event.audiences.all()] or ["all"],
                        name=registration.name,
                        organisation=registration.organisation or None,
                    )
        else:
            status = 400
    else:
        form = RegistrationForm(event=event)
    context = _context(
        request, event, occurrence, form=form, registration=registration, refusal=error
    )
    return TemplateResponse(request, "events/register.html", context, status=status)


ACTIONS = {"cancel": booking.cancel, "accept": booking.accept_offer, "erase": booking.erase}


def manage_registration(request, event, token):
    """The registrant's page: their registration, and buttons to accept an offered place, cancel,
    or erase their data (a GET never acts: mail scanners follow links)."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    try:
        registration = registration_from_token(event, token)
    except InvalidLink:
        context = _context(request, event)
        return TemplateResponse(request, "events/invalid_link.html", context, status=404)
    status = 200
    message = ""
    erased = False
    if request.method == "POST":
        action = ACTIONS.get(request.POST.get("action", ""))
        if action is None:
            message = _("Cette action n'existe pas.")
            status = 400
        else:
            try:
                notices = action(registration)
            except booking.RegistrationError as refusal:
                message = str(refusal)
                status = 409
            else:
                booking.send_notices(notices)
                erased = action is booking.erase
                message = {
                    booking.cancel: _(
                        "Votre inscription est annulée. Merci de nous avoir prévenus."
                    ),
                    booking.accept_offer: _("C'est fait : votre place est confirmée."),
                    booking.erase: _(
                        "Vos données sont effacées : nous ne gardons rien de votre inscription."
                    ),
                }[action]
            if not erased:
                registration.refresh_from_db()
    context = _context(
        request,
        event,
        registration.occurrence,
        registration=None if erased else registration,
        message=message,
        erased=erased,
        token=token,
        statuses=RegistrationStatus,
        response_ok=status == 200,
    )
    return TemplateResponse(request, "events/manage_registration.html", context, status=status)


def event_ical(request, event, key=None):
    """The event (the series, or one of its dates) as an .ics file to open in a calendar."""
    occurrence = occurrence_or_404(event, key)
    if occurrence is not None:
        cal = ical.occurrence_calendar(occurrence, occurrence.get_full_url(request))
        filename = f"{event.slug}-{occurrence.key}.ics"
    else:
        cal = ical.calendar([event], lambda page: page.get_full_url(request))
        filename = f"{event.slug}.ics"
    response = HttpResponse(ical.to_bytes(cal), content_type=ical.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
