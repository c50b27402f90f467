"""The agenda's month view: a month's dates as a table of weeks (a list of days on a phone),
the month in the URL (`mois/?mois=2027-01`, with the list's filters), previous and next months as
links: it needs no script."""

import calendar
import datetime

from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils import dateformat
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from newsletter import subscriptions

from .. import schedule
from ..models.choices import EventKind
from ..models.occurrences import EventOccurrence
from ..models.queries import network_event_ids
from .agenda import _one, agenda_cities, agenda_events, read_params, visible_ids, with_events


def read_month(query, messages, today) -> datetime.date:
    """The first day of the month `?mois=YYYY-MM` names, else of this month, with a French
    message when the value is not a month."""
    value = _one(query, "mois")
    if value:
        try:
            day = datetime.date.fromisoformat(f"{value}-01")
        except ValueError:
            day = None
        if day is not None and 2000 <= day.year <= 2100:
            return day
        messages.append(
            _(
                "Le mois « %(value)s » n'est pas valide (attendu : 2027-01) : voici le mois en cours."
            )
            % {"value": value}
        )
    return today.replace(day=1)


def shift(month: datetime.date, months: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_view(request, page):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    events = agenda_events(page, request)
    params = read_params(request.GET, events, page, request)
    today = datetime.datetime.now(schedule.PARIS).date()
    month = read_month(request.GET, params.messages, today)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    first, last = weeks[0][0], weeks[-1][-1]
    visible = visible_ids(page, request, params)
    dates = EventOccurrence.objects.filter(
        starts_at__lt=schedule.aware(last + datetime.timedelta(days=1), None),
        ends_at__gt=schedule.aware(first, None),
    ).order_by("starts_at", "pk")
    occurrences = with_events((o for o in dates if o.event_id in visible), page)
    by_day = {}
    for occurrence in occurrences:
        day = max(occurrence.start_date, first)
        while day <= min(occurrence.end_date, last):
            by_day.setdefault(day, []).append(occurrence)
            day += datetime.timedelta(days=1)
    rows = [
        [
            {
                "date": day,
                "in_month": day.month == month.month,
                "is_today": day == today,
                "label": schedule.format_day(day),
                "items": by_day.get(day, []) if day.month == month.month else [],
            }
            for day in week
        ]
        for week in weeks
    ]
    count = len({o.pk for day, items in by_day.items() if day.month == month.month for o in items})
    filters = params.querystring(with_period=False)
    month_path = page.url + page.reverse_subpage("month_view")

    def month_link(day):
        query = "&".join(part for part in (filters, f"mois={day:%Y-%m}") if part)
        return f"{month_path}?{query}"

    context = page.get_context(request)
    context.update(
        {
            "view": "month",
            "network_ids": network_event_ids(events) if request.user.is_authenticated else set(),
            "params": params,
            "month": month,
            "month_label": dateformat.format(month, "F Y"),
            "weeks": rows,
            "weekdays": [dateformat.format(day, "l") for day in weeks[0]],
            "count": count,
            "previous_url": month_link(shift(month, -1)),
            "next_url": month_link(shift(month, 1)),
            "previous_label": dateformat.format(shift(month, -1), "F Y"),
            "next_label": dateformat.format(shift(month, 1), "F Y"),
            "month_url": month_path,
            "month_value": f"{month:%Y-%m}",
            "list_query": filters,
            "month_query": filters,
            "kinds": EventKind.choices,
            "audiences": subscriptions.Audience.objects.all(),
            "cities": agenda_cities(page, request, events),
            "agenda_messages": params.messages,
        }
    )
    response = TemplateResponse(request, "events/agenda_month.html", context)
    if context["network_ids"]:
        patch_cache_control(response, private=True)
    return response
