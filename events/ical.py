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
(7 kB for each file) and stops there.

A feed's cost (benchmarks/bench_events.py, `feed_*`): one query for the changed dates of all the
series of the feed (not one per series), a series' rule expanded only when one of its dates is
moved or cancelled (the only dates that get a VEVENT of their own), the VTIMEZONE built once per
process, and the lines folded only when they are long enough to need it, on their octets (the
cuts icalendar makes). An event without changed dates (nearly all of them) is written cold from
its row, the feed's columns (FEED_FIELDS), without building its page nor icalendar's components:
at 5,000 events, a year's feed (1,509 VEVENTs) written cold went from about 2 s to 0.25 s under a
load of 9 on 2 cores (benchmarks/bench_events.py, `feed_cold`). `feed()`
also keeps each event's written VEVENTs in the cache, under a key made of everything they are
written from (the event's row, its changed dates, its address, the language, the day), and the
whole feed under the list of these keys: an event is written again only when one of these
changes, and the feed reads its rows without building a page object for the events already
written."""

import datetime
import hashlib
from collections import defaultdict
from functools import cache

from django.conf import settings
from django.core.cache import cache as django_cache
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import get_language

import icalendar

from .models.choices import EventKind, EventStatus
from .models.occurrences import planned_occurrences
from .models.recurrence import RULE_FIELDS, ChangeKind, OccurrenceChange, RecurrenceMixin
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


@cache
def _shared_paris_timezone() -> icalendar.Timezone:
    """The VTIMEZONE every calendar of this process adds (never modified once built)."""
    return paris_timezone()


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


def _now_stamp() -> datetime.datetime:
    return timezone.now().astimezone(datetime.UTC).replace(microsecond=0)


def vevent(event, url: str, dates=None, uid: str = "", stamp=None) -> icalendar.Event:
    """The VEVENT of one event page (of one of its dates, `dates`); `url` is its absolute
    address; `stamp` its DTSTAMP (now by default)."""
    component = icalendar.Event()
    component.add("uid", uid or event_uid(event))
    component.add("sequence", event.ical_sequence)
    component.add("dtstamp", stamp or _now_stamp())
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


def event_components(event, url: str, changes=None, stamp=None) -> list[icalendar.Event]:
    """The VEVENTs of an event: one, or a series' rule with its changed dates (`changes`: the
    series' OccurrenceChange rows when the caller read them already, else read here)."""
    main = vevent(event, url, stamp=stamp)
    if not event.is_recurring:
        return [main]
    main.add("rrule", event.ical_rrule())
    if changes is None:
        changes = list(event.occurrence_changes.all())
    excluded = [
        _rule_moment(event, change.original_date)
        for change in changes
        if change.change == ChangeKind.EXCLUDED and event.is_rule_date(change.original_date)
    ]
    if excluded:
        main.add("exdate", excluded)
    components = [main]
    if not any(change.change in (ChangeKind.MOVED, ChangeKind.CANCELLED) for change in changes):
        # No date of the rule is moved or cancelled: no override to write, no rule to expand.
        return components
    for item in planned_occurrences(event, changes=changes):
        if item.moved or item.cancelled:
            override = vevent(
                event, f"{url}{item.original_date.isoformat()}/", dates=item, stamp=stamp
            )
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
    events = list(events)
    changes = _changes_by_series(events)
    for event in events:
        for component in event_components(event, url_of(event), changes.get(event.pk, [])):
            cal.add_component(component)
    return cal


def _changes_by_series(events) -> dict[int, list]:
    """The changed dates of the series among `events`, in one query, by event id."""
    return _changes_of([event.pk for event in events if event.is_recurring])


def _changes_of(series_ids) -> dict[int, list]:
    by_event = defaultdict(list)
    if series_ids:
        for change in OccurrenceChange.objects.filter(page_id__in=series_ids):
            by_event[change.page_id].append(change)
    return by_event


# Everything of an event's row its VEVENTs are written from (`vevent`, `event_components`, the
# rule and its dates): the feed reads these columns only, and they make each event's cache key.
FEED_FIELDS = (
    "page_ptr_id",
    "translation_key",
    "locale__language_code",
    "slug",
    "title",
    "last_published_at",
    "latest_revision_created_at",
    "ical_sequence",
    "kind",
    "status",
    "summary",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "starts_at",
    "ends_at",
    "venue",
    "street_address",
    "postal_code",
    "city",
    "latitude",
    "longitude",
    "online_url",
    "registration_enabled",
    *RULE_FIELDS,
)


def _row_fields(model) -> tuple[str, ...]:
    """What the feed reads of each event's row (FEED_FIELDS)."""
    return FEED_FIELDS


# Written in the cached VEVENTs in place of their DTSTAMP, set to the feed's time as it is read.
STAMP_PLACEHOLDER = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
FEED_CACHE_SECONDS = 7 * 24 * 3600
# Bumped when the way a VEVENT is written changes, so that none written the old way is served.
FEED_FORMAT = 2


def feed(events, base_url: str, name: str = "") -> bytes:
    """The iCalendar feed of `events` (a queryset of the agenda's child event pages, in the feed's
    order; `base_url` the agenda's absolute address, which their slugs follow), written as
    `to_bytes(calendar(...))` writes it, each event's VEVENTs taken from the cache when already
    written from the same row, changes, address, language and day."""
    fields = _row_fields(events.model)
    rows = list(events.values_list(*fields))
    pk_index = fields.index("page_ptr_id")
    repeat_index = fields.index("repeat")
    changes = _changes_of([row[pk_index] for row in rows if row[repeat_index]])
    context = (FEED_FORMAT, base_url, get_language(), datetime.date.today(), uid_domain())
    keys = {}
    for row in rows:
        pk = row[pk_index]
        written_from = repr(
            (
                context,
                row,
                [
                    (c.original_date, c.change, c.new_date, c.new_start_time, c.new_end_time)
                    for c in changes.get(pk, [])
                ],
            )
        )
        keys[pk] = "events:vevent:" + hashlib.sha256(written_from.encode()).hexdigest()
    head = to_bytes(_calendar(name))
    # The whole feed once written from these same keys: one entry, whatever the number of events
    # (a local-memory cache keeps 300 entries, fewer than a feed's events).
    feed_key = (
        "events:feed:"
        + hashlib.sha256(repr((head, [keys[row[pk_index]] for row in rows])).encode()).hexdigest()
    )
    body = django_cache.get(feed_key)
    if body is None:
        body = _feed_body(events, base_url, rows, pk_index, keys, changes)
        django_cache.set(feed_key, body, FEED_CACHE_SECONDS)
    end = b"END:VCALENDAR\r\n"
    placeholder = _dtstamp_line(STAMP_PLACEHOLDER)
    return head[: -len(end)] + body.replace(placeholder, _dtstamp_line(_now_stamp())) + end


def _feed_body(events, base_url, rows, pk_index, keys, changes) -> bytes:
    """The feed's VEVENTs, those of each event from the cache or written now: from the rows already
    read (`written_from_row`), or through icalendar from the page for a series with changed dates."""
    written = django_cache.get_many(keys.values())
    missing = {pk for pk, key in keys.items() if key not in written}
    if missing:
        fresh = {}
        fields = _row_fields(events.model)
        kinds = {value: str(label) for value, label in EventKind.choices}
        domain = uid_domain()
        with_changes = []
        for row in rows:
            pk = row[pk_index]
            if pk not in missing or keys[pk] in fresh:
                continue
            if changes.get(pk):
                with_changes.append(pk)
                continue
            event = FeedRow(fields, row)
            fresh[keys[pk]] = written_from_row(event, f"{base_url}{event.slug}/", kinds, domain)
        for event in events.filter(pk__in=with_changes).select_related("locale"):
            url = f"{base_url}{event.slug}/"
            components = event_components(
                event, url, changes.get(event.pk, []), stamp=STAMP_PLACEHOLDER
            )
            fresh[keys[event.pk]] = b"".join(_lines(component) for component in components)
        django_cache.set_many(fresh, FEED_CACHE_SECONDS)
        written |= fresh
    return b"".join(written[keys[row[pk_index]]] for row in rows)


class FeedRow:
    """An event's row as the feed reads it (`_row_fields`), with what `vevent` asks of a page:
    building 1,500 Wagtail pages costs more than writing their VEVENTs."""

    is_recurring = RecurrenceMixin.is_recurring
    weekday_codes = RecurrenceMixin.weekday_codes
    _uses_weekdays = RecurrenceMixin._uses_weekdays
    ical_rrule = RecurrenceMixin.ical_rrule

    def __init__(self, fields, row):
        self.__dict__.update(zip(fields, row, strict=True))

    @property
    def has_place(self):
        return self.status != EventStatus.MOVED_ONLINE and bool(self.venue or self.city)

    @property
    def is_online(self):
        return bool(self.online_url) and (
            self.status == EventStatus.MOVED_ONLINE or not (self.venue or self.city)
        )


def _text(value: str) -> str:
    """A TEXT value escaped as icalendar escapes it (RFC 5545, 3.3.11)."""
    return (
        value.replace(r"\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", r"\;")
        .replace(",", r"\,")
        .replace("\r\n", r"\n")
        .replace("\n", r"\n")
        .replace("\r", r"\n")
    )


PLACEHOLDER_LINE = "DTSTAMP:19700101T000000Z"


def _utc(moment) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def written_from_row(event: FeedRow, url: str, kinds: dict, domain: str) -> bytes:
    """The VEVENT `event_components` writes through icalendar for an event without changed dates
    (a single event, or a series' rule), DTSTAMP as STAMP_PLACEHOLDER, written directly: the same
    bytes (tests/events/test_ical_feed_cost.py compares them), at a tenth of the cost."""
    if event.start_time is None:
        end = (event.end_date or event.start_date) + datetime.timedelta(days=1)
        start_line = f"DTSTART;VALUE=DATE:{event.start_date:%Y%m%d}"
        end_line = f"DTEND;VALUE=DATE:{end:%Y%m%d}"
    else:
        start_line = f"DTSTART;TZID=Europe/Paris:{event.starts_at.astimezone(PARIS):%Y%m%dT%H%M%S}"
        end_line = f"DTEND;TZID=Europe/Paris:{event.ends_at.astimezone(PARIS):%Y%m%dT%H%M%S}"
    modified = event.last_published_at or event.latest_revision_created_at or timezone.now()
    uid = f"event-{event.translation_key}-{event.locale__language_code}@{domain}"
    lines = [
        "BEGIN:VEVENT",
        f"SUMMARY:{_text(event.title)}",
        start_line,
        end_line,
        PLACEHOLDER_LINE,
        f"UID:{_text(uid)}",
        f"SEQUENCE:{event.ical_sequence}",
    ]
    if event.is_recurring:
        lines.append("RRULE:" + icalendar.vRecur(event.ical_rrule()).to_ical().decode())
    lines.append(f"CATEGORIES:{_text(kinds[event.kind])}")
    lines.append(f"DESCRIPTION:{_text(strip_tags(_description(event, url)))}")
    if event.has_place and event.latitude is not None:
        lines.append(f"GEO:{float(event.latitude)};{float(event.longitude)}")
    lines.append(f"LAST-MODIFIED:{_utc(modified)}")
    location = _location(event)
    if location:
        lines.append(f"LOCATION:{_text(location)}")
    cancelled = event.status == EventStatus.CANCELLED
    lines.append("STATUS:CANCELLED" if cancelled else "STATUS:CONFIRMED")
    lines.append("TRANSP:OPAQUE")
    lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return b"".join(_folded(line) + b"\r\n" for line in lines)


def _dtstamp_line(stamp) -> bytes:
    return b"DTSTAMP:" + icalendar.vDDDTypes(stamp).to_ical() + b"\r\n"


def _lines(component) -> bytes:
    """A component's content lines, folded and each followed by CRLF (as in to_bytes)."""
    return b"".join(_folded(line) + b"\r\n" for line in component.content_lines() if line)


def _folded(line: str) -> bytes:
    """`line` folded as icalendar folds it (`Contentline.to_ical`): pieces of at most 74 octets
    that never cut a character, nor end on the backslash or caret of an escape (the escape's
    first character starts the next piece), joined by CRLF and a space. icalendar walks the line
    character by character; this cuts the line's octets."""
    encoded = line.encode("utf-8")
    if len(encoded) < FOLD_OCTETS:
        return encoded
    size = FOLD_OCTETS - 1
    pieces = []
    start = 0
    while len(encoded) - start > size:
        end = start + size
        while encoded[end] & 0xC0 == 0x80:  # inside a character: cut before it
            end -= 1
        if encoded[end - 1] in b"\\^" and end - start > 1:
            end -= 1
        pieces.append(encoded[start:end])
        start = end
    pieces.append(encoded[start:])
    return b"\r\n ".join(pieces)


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
    cal.add_component(_shared_paris_timezone())
    return cal


# RFC 5545 folds content lines of 75 octets or more; icalendar folds character by character.
FOLD_OCTETS = 75


def to_bytes(cal: icalendar.Calendar) -> bytes:
    """The calendar as icalendar writes it (`cal.to_ical()`, byte for byte), folding only the lines
    long enough to be folded: most lines of a feed are short, and icalendar's folding walks every
    character of every line."""
    return b"\r\n".join(_folded(line) for line in cal.content_lines() if line) + b"\r\n"
