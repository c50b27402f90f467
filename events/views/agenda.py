"""The agenda's page and feed (served by AgendaPage's routes): one reading of the URL's filters
for both, so that any filtered agenda is also a feed a calendar subscribes to. The page lists
dates (occurrences: a monthly meeting once per month), the feed events (a series with its
rule)."""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from core.cache import cached_per_generation, current_generation
from core.pagination import paginate
from newsletter import subscriptions

from .. import ical
from ..models.choices import EventKind
from ..models.event import EventPage
from ..models.occurrences import EventOccurrence
from ..models.queries import network_event_ids, public_events, visible_events
from ..models.recurrence import RULE_FIELDS

PAGE_SIZE = 20
# Past events stay in the feed this long, so that a calendar keeps what it showed recently.
FEED_PAST_DAYS = 180
PERIODS = ("a-venir", "passes")


@dataclass
class AgendaParams:
    kind: str = ""
    audience: str = ""
    city: str = ""
    period: str = "a-venir"
    year: int | None = None
    page: str = "1"
    messages: list = field(default_factory=list)

    @property
    def filters(self) -> dict:
        values = {"type": self.kind, "public": self.audience, "commune": self.city}
        return {name: value for name, value in values.items() if value}

    @property
    def is_filtered(self) -> bool:
        return bool(self.filters) or self.period != "a-venir" or self.year is not None

    def querystring(self, with_period=True) -> str:
        values = dict(self.filters)
        if with_period and self.period != "a-venir":
            values["periode"] = self.period
        if with_period and self.year is not None:
            values["annee"] = self.year
        return urlencode(values)


def _one(query, name) -> str:
    """One value of the URL, without control characters (PostgreSQL refuses a NUL byte)."""
    value = query.get(name, "")
    if not isinstance(value, str):
        return ""
    return "".join(ch for ch in value if ch.isprintable()).strip()[:100]


def read_params(query, events, page=None, request=None) -> AgendaParams:
    """The filters of the URL; an unknown value is dropped with a French message, never an error."""
    params = AgendaParams(page=_one(query, "page") or "1")
    kind = _one(query, "type")
    if kind:
        if kind in EventKind.values:
            params.kind = kind
        else:
            params.messages.append(
                _("Le type d'événement « %(value)s » n'existe pas : il n'a pas été retenu.")
                % {"value": kind}
            )
    audience = _one(query, "public")
    if audience:
        if subscriptions.Audience.objects.filter(key=audience).exists():
            params.audience = audience
        else:
            params.messages.append(
                _("Le public « %(value)s » n'existe pas : il n'a pas été retenu.")
                % {"value": audience}
            )
    city = _one(query, "commune")
    if city:
        names = cities(events) if page is None else agenda_cities(page, request, events)
        known = {name.casefold(): name for name in names}
        if city.casefold() in known:
            params.city = known[city.casefold()]
        else:
            params.messages.append(
                _("Aucun événement n'a lieu à « %(value)s » : la commune n'a pas été retenue.")
                % {"value": city}
            )
    period = _one(query, "periode")
    if period:
        if period in PERIODS:
            params.period = period
        else:
            params.messages.append(
                _("La période « %(value)s » n'existe pas : voici les événements à venir.")
                % {"value": period}
            )
    year = _one(query, "annee")
    if year:
        if year.isdigit() and 2000 <= int(year) <= 2100:
            params.year = int(year)
            params.period = "passes"
        else:
            params.messages.append(
                _("L'année « %(value)s » n'est pas valide : elle n'a pas été retenue.")
                % {"value": year}
            )
    return params


def agenda_events(agenda, request=None):
    """The agenda's events: public ones, plus the network's meetings for a member signed in
    (`request` given: the list and the month view; never the feed, which calendars fetch
    anonymously, nor the home page)."""
    events = visible_events(request) if request is not None else public_events()
    return events.child_of(agenda).filter(locale=agenda.locale)


def occurrences_of(events):
    """The dates of `events`, each with its event."""
    return EventOccurrence.objects.filter(event__in=events).select_related("event", "event__locale")


def cities(events) -> list[str]:
    return sorted(set(events.exclude(city="").values_list("city", flat=True)), key=str.casefold)


def filtered(events, params: AgendaParams):
    if params.kind:
        events = events.filter(kind=params.kind)
    if params.audience:
        # The only filter that joins (an event has several audiences): the one that needs DISTINCT.
        events = events.filter(audiences__key=params.audience).distinct()
    if params.city:
        events = events.filter(city=params.city)
    return events


# What the list and the month view show of the events (events/includes/event_item.html, the month's
# table): a Wagtail page built from these columns only costs a third of one built whole.
LISTED_FIELDS = (
    "title",
    "slug",
    "locale",
    "kind",
    "status",
    "summary",
    "venue",
    "city",
    "online_url",
    "start_date",
    *RULE_FIELDS,
)


def _is_public(request) -> bool:
    """Whether `request`'s visitor sees the public events only (then what they see is the same for
    every such visitor, and kept per page-cache generation)."""
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _per_generation(request, name, compute):
    """`compute()`, kept per page-cache generation (core.cache) for a visitor who sees the public
    events only (a publish, an unpublish, a page privacy changed purge it), computed for others."""
    if _is_public(request):
        return cached_per_generation(name, compute)
    return compute()


def visible_ids(page, request, params: AgendaParams) -> frozenset[int]:
    """The ids of the agenda's events `request`'s visitor may see that pass the URL's filters: the
    list and the month view read the stored dates by date alone (an index) and keep those of these
    events, rather than joining every date to its page and its privacy (5,000 events: a hash of
    every page at each request). The filters' values are known ones (read_params), so the names
    kept per generation are bounded."""

    def compute():
        events = filtered(agenda_events(page, request), params)
        return frozenset(events.values_list("pk", flat=True))

    name = f"events:visible:{page.pk}:{params.kind}:{params.audience}:{params.city}"
    return _per_generation(request, name, compute)


def agenda_cities(page, request, events) -> list[str]:
    """The communes of the agenda's events (the filter's choices)."""
    return _per_generation(request, f"events:cities:{page.pk}", lambda: cities(events))


def with_events(occurrences, page) -> list:
    """`occurrences` (dates read alone) each with its event and the event's locale, read in one
    query for all of them, without their programme. The events are the agenda `page`'s children:
    their address is the agenda's and their slug (what `url` gives, without Wagtail looking up the
    site's root for each of them)."""
    occurrences = list(occurrences)
    events = (
        EventPage.objects.filter(pk__in={o.event_id for o in occurrences})
        .select_related("locale")
        .only(*LISTED_FIELDS)
        .in_bulk()
    )
    base = page.url
    for occurrence in occurrences:
        occurrence.event = events[occurrence.event_id]
        occurrence.event_url = f"{base}{occurrence.event.slug}/"
    return occurrences


def listed_page(ids, raw_page, messages, page):
    """The page `raw_page` of the dates `ids` (in the list's order), each with its event: only the
    page's dates are read whole."""
    results_page = paginate(ids, raw_page, messages, PAGE_SIZE)
    wanted = list(results_page.object_list)
    rows = EventOccurrence.objects.filter(pk__in=wanted).in_bulk()
    results_page.object_list = with_events((rows[pk] for pk in wanted), page)
    return results_page


def past_years(page, request, events, now) -> list[int]:
    """The years of the past dates of `events`, latest first; for the public kept per generation
    with the moment the next of their dates ends (when the answer may change), computed again from
    then on."""
    dates = EventOccurrence.objects.filter(event__in=events)

    def compute():
        past = dates.filter(ends_at__lt=now).dates("start_date", "year", order="DESC")
        next_end = (
            dates.filter(ends_at__gte=now)
            .order_by("ends_at")
            .values_list("ends_at", flat=True)
            .first()
        )
        return [day.year for day in past], next_end

    if not _is_public(request):
        return compute()[0]
    key = f"events:past-years:{current_generation()}:{page.pk}"
    found = cache.get(key)
    if found is None or (found[1] is not None and now >= found[1]):
        found = compute()
        cache.set(key, found, settings.PAGE_CACHE_TIMEOUT)
    return found[0]


def agenda(request, page):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    events = agenda_events(page, request)
    params = read_params(request.GET, events, page, request)
    now = timezone.now()
    visible = visible_ids(page, request, params)
    dates = EventOccurrence.objects.all()
    if params.period == "passes":
        dates = dates.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
        if params.year is not None:
            dates = dates.filter(start_date__year=params.year)
    else:
        dates = dates.filter(ends_at__gte=now).order_by("starts_at", "pk")
    ids = [pk for pk, event_id in dates.values_list("pk", "event_id") if event_id in visible]
    results_page = listed_page(ids, params.page, params.messages, page)
    feed_path = page.url + page.reverse_subpage("feed_view")
    feed_query = params.querystring(with_period=False)
    feed_url = request.build_absolute_uri(feed_path) + (f"?{feed_query}" if feed_query else "")
    context = page.get_context(request)
    context.update(
        {
            "view": "list",
            "network_ids": network_event_ids(events) if request.user.is_authenticated else set(),
            "list_query": feed_query,
            "month_query": feed_query,
            "month_url": page.url + page.reverse_subpage("month_view"),
            "params": params,
            "results_page": results_page,
            "now": now,
            "kinds": EventKind.choices,
            "audiences": subscriptions.Audience.objects.all(),
            "cities": agenda_cities(page, request, events),
            "past_years": past_years(page, request, events, now),
            "agenda_messages": params.messages,
            "base_query": params.querystring(),
            "feed_url": feed_url,
            "webcal_url": "webcal://" + feed_url.split("://", 1)[1],
        }
    )
    response = TemplateResponse(request, page.template, context)
    if context["network_ids"]:
        patch_cache_control(response, private=True)
    return response


def agenda_feed(request, page):
    """The agenda (with the URL's filters) as an iCalendar feed: upcoming events, and those of the
    last FEED_PAST_DAYS days."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    events = agenda_events(page)
    params = read_params(request.GET, events)
    since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    recent = EventOccurrence.objects.filter(ends_at__gte=since).values("event_id")
    selection = (
        filtered(events, params)
        .filter(pk__in=recent)
        .select_related("locale")
        .order_by("starts_at")
    )
    name = page.title
    if params.filters:
        name = f"{page.title} ({', '.join(_label(n, v) for n, v in params.filters.items())})"
    # The events are the agenda's children: their address is the agenda's and their slug (what
    # get_full_url gives, without looking up the site's root for each of them).
    content = ical.feed(selection, page.get_full_url(request), name=name)
    response = HttpResponse(content, content_type=ical.CONTENT_TYPE)
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return response


def _label(name, value):
    if name == "type":
        return str(EventKind(value).label)
    if name == "public":
        audience = subscriptions.Audience.objects.filter(key=value).first()
        return audience.get_key_display() if audience else value
    return value
