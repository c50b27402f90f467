"""iCalendar (RFC 5545) for the agenda: one event as a file to add to a calendar, and any list of
events as a feed a calendar subscribes to.

What calendars need to apply a feed correctly: a VTIMEZONE for Europe/Paris that every TZID points
to (without it Google and Outlook read local times as UTC), a UID that never changes (the page's
translation key and language), a SEQUENCE and a LAST-MODIFIED that grow with every change, and a
cancelled event kept with STATUS:CANCELLED rather than removed, so that calendars strike it out.
A recurring event is one VEVENT with its RRULE and the dates excluded as EXDATE, plus one VEVENT
per date moved or cancelled, with the same UID and the RECURRENCE-ID of the date it replaces
(RFC 5545, 3.8.4.4): calendars expand the rule themselves and apply the changes.

The VTIMEZONE is written with the two yearly rules of the European Union (since 1996) rather than
icalendar's `add_missing_timezones()`, which lists every transition as RDATEs up to 2038 only
(7 kB for each file) and stops there."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags

import icalendar

from .models.choices import EventStatus
from .models.occurrences import planned_occurrences
from .models.recurrence import ChangeKind
from .schedule import PARIS, aware

PRODID = "-//Mission Interinstitutionnelle Clause Sociale 34//Agenda//FR"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def paris_timezone() -> icalendar.Timezone:
    """VTIMEZONE Europe/Paris: CET (UTC+1) and CEST (UTC+2) from the last Sunday of March to the
    last Sunday of October."""
    tz = icalendar.Timezone()
    tz.add("tzid", "Europe/Paris")
    tz.add("x-lic-location", "Europe/Paris")
    daylight = icalendar.TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("dtstart", datetime.datetime(1970, 3, 29, 2, 0))
    daylight.add("tzoffsetfrom", datetime.timedelta(hours=1))
    daylight.add("tzoffsetto", datetime.timedelta(hours=2))
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    standard = icalendar.TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("dtstart", datetime.datetime(1970, 10, 25, 3, 0))
    standard.add("tzoffsetfrom", datetime.timedelta(hours=2))
    standard.add("tzoffsetto", datetime.timedelta(hours=1))
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    tz.add_component(daylight)
    tz.add_component(standard)
    return tz


def uid_domain() -> str:
    return settings.WAGTAILADMIN_BASE_URL.split("://", 1)[-1].split("/", 1)[0].split(":")[0]


def event_uid(event) -> str:
    """Stable across edits, moves and slug changes: the translation key and the language."""
    return f"event-{event.translation_key}-{event.locale.language_code}@{uid_domain()}"


def _location(event) -> str:
    if not event.has_place:
        return event.online_url
    parts = [event.venue, event.street_address, f"{event.postal_code} {event.city}".strip()]
    return ", ".join(part for part in parts if part)


def _description(event, url) -> str:
    lines = [event.summary.strip()]
    if event.is_online and event.online_url and not event.registration_enabled:
        lines.append(event.online_url)
    lines.append(url)
    return "\n\n".join(line for line in lines if line)


def _add_dates(component, dates) -> None:
    """DTSTART and DTEND of `dates` (an event, an occurrence): dates when all day (the end the
    day after the last day), else Paris times."""
    if dates.start_time is None:
        component.add("dtstart", dates.start_date)
        component.add("dtend", (dates.end_date or dates.start_date) + datetime.timedelta(days=1))
    else:
        component.add("dtstart", dates.starts_at.astimezone(PARIS))
        component.add("dtend", dates.ends_at.astimezone(PARIS))


def _rule_moment(event, day):
    """A date of the rule as RECURRENCE-ID and EXDATE write it: the type of DTSTART."""
    return day if event.all_day else aware(day, event.start_time)


def vevent(event, url: str, dates=None, uid: str = "") -> icalendar.Event:
    """The VEVENT of one event page (of one of its dates, `dates`); `url` is its absolute
    address."""
    component = icalendar.Event()
    component.add("uid", uid or event_uid(event))
    component.add("sequence", event.ical_sequence)
    component.add("dtstamp", timezone.now().astimezone(datetime.UTC).replace(microsecond=0))
    modified = event.last_published_at or event.latest_revision_created_at or timezone.now()
    component.add("last-modified", modified.astimezone(datetime.UTC).replace(microsecond=0))
    component.add("summary", event.title)
    _add_dates(component, dates or event)
    component.add("description", strip_tags(_description(event, url)))
    location = _location(event)
    if location:
        component.add("location", location)
    if event.has_place and event.latitude is not None:
        component.add("geo", (float(event.latitude), float(event.longitude)))
    component.add("url", url)
    component.add("categories", [event.get_kind_display()])
    cancelled = event.status == EventStatus.CANCELLED or getattr(dates, "cancelled", False)
    component.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    component.add("transp", "OPAQUE")
    return component


def event_components(event, url: str) -> list[icalendar.Event]:
    """The VEVENTs of an event: one, or a series' rule with its changed dates."""
    main = vevent(event, url)
    if not event.is_recurring:
        return [main]
    main.add("rrule", event.ical_rrule())
    excluded = [
        _rule_moment(event, change.original_date)
        for change in event.occurrence_changes.all()
        if change.change == ChangeKind.EXCLUDED and event.is_rule_date(change.original_date)
    ]
    if excluded:
        main.add("exdate", excluded)
    components = [main]
    for item in planned_occurrences(event):
        if item.moved or item.cancelled:
            override = vevent(event, f"{url}{item.original_date.isoformat()}/", dates=item)
            override.add("recurrence-id", _rule_moment(event, item.original_date))
            components.append(override)
    return components


def occurrence_calendar(occurrence, url: str) -> icalendar.Calendar:
    """One date of a series as a file of its own (its own UID: a registrant's calendar holds that
    date, not the series)."""
    event = occurrence.event
    cal = _calendar()
    uid = event_uid(event).replace("@", f"-{occurrence.original_date:%Y%m%d}@", 1)
    cal.add_component(vevent(event, url, dates=occurrence, uid=uid))
    return cal


def registration_calendar(registration, url: str) -> icalendar.Calendar:
    """The calendar file of a registrant's emails: their date."""
    if registration.occurrence is not None:
        return occurrence_calendar(registration.occurrence, url)
    return calendar([registration.event], lambda page: url)


def calendar(events, url_of, name: str = "") -> icalendar.Calendar:
    """A VCALENDAR of `events` with the Europe/Paris VTIMEZONE; `url_of(event)` gives each
    event's absolute address."""
    cal = _calendar(name)
    for event in events:
        for component in event_components(event, url_of(event)):
            cal.add_component(component)
    return cal


def _calendar(name: str = "") -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("name", name)
        cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Paris")
    cal.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT6H")
    cal.add_component(paris_timezone())
    return cal


def to_bytes(cal: icalendar.Calendar) -> bytes:
    return cal.to_ical()
