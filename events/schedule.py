"""An event's dates: aware datetimes in Europe/Paris from the editor's dates and times, and the dates
written as people read them ("jeudi 14 janvier 2027 de 9 h 30 à 12 h"; in English "Thursday
14 January 2027, 9:30 to 12:00")."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import dateformat
from django.utils.translation import get_language
from django.utils.translation import gettext as _

PARIS = ZoneInfo("Europe/Paris")
NBSP = "\u00a0"


def aware(day: datetime.date, time: datetime.time | None) -> datetime.datetime:
    """`day` at `time` (midnight when None) in Europe/Paris."""
    return datetime.datetime.combine(day, time or datetime.time(0), tzinfo=PARIS)


def _french() -> bool:
    return (get_language() or "fr").startswith("fr")


def format_day(day: datetime.date, weekday: bool = True) -> str:
    """ "jeudi 14 janvier 2027", "lundi 1er mars 2027"; "Thursday 14 January 2027"."""
    text = dateformat.format(day, "l j F Y" if weekday else "j F Y")
    if _french() and day.day == 1:
        text = text.replace(" 1 ", " 1er ", 1) if weekday else "1er" + text[1:]
    return text


def format_time(time: datetime.time) -> str:
    """ "9 h 30", "12 h" (French, with non-breaking spaces); "9:30", "12:00" (English)."""
    if _french():
        return f"{time.hour}{NBSP}h" + (f"{NBSP}{time.minute:02d}" if time.minute else "")
    return f"{time.hour}:{time.minute:02d}"


def format_schedule(start_date, start_time, end_date, end_time) -> str:
    """The whole schedule of an event in one phrase of the active language."""
    end_date = end_date or start_date
    if start_time is None:
        if end_date == start_date:
            return format_day(start_date)
        return _("du %(start)s au %(end)s") % {
            "start": format_day(start_date),
            "end": format_day(end_date),
        }
    if end_date == start_date:
        if end_time is None:
            return _("%(day)s à %(start)s") % {
                "day": format_day(start_date),
                "start": format_time(start_time),
            }
        return _("%(day)s de %(start)s à %(end)s") % {
            "day": format_day(start_date),
            "start": format_time(start_time),
            "end": format_time(end_time),
        }
    return _("du %(start_day)s à %(start)s au %(end_day)s à %(end)s") % {
        "start_day": format_day(start_date),
        "start": format_time(start_time),
        "end_day": format_day(end_date),
        "end": format_time(end_time or datetime.time(23, 59)),
    }


def format_moment(moment: datetime.datetime) -> str:
    """A moment in Paris time: "jeudi 3 décembre 2026 à 8 h 21"; "Thursday 3 December 2026, 8:21"."""
    local = moment.astimezone(PARIS)
    return _("%(day)s à %(start)s") % {
        "day": format_day(local.date()),
        "start": format_time(local.time()),
    }


def event_end(start_date, start_time, end_date, end_time) -> datetime.datetime:
    """When an event ends: the midnight after its last day when all day, an hour after its start
    when it has no end time."""
    end_date = end_date or start_date
    if start_time is None:
        return aware(end_date + datetime.timedelta(days=1), None)
    if end_time is None:
        return aware(end_date, start_time) + datetime.timedelta(hours=1)
    return aware(end_date, end_time)


def format_hours(start_time, end_time) -> str:
    """ "de 9 h 30 à 12 h", "à 9 h 30", or "" for a day-long event."""
    if start_time is None:
        return ""
    if end_time is None:
        return _("à %(start)s") % {"start": format_time(start_time)}
    return _("de %(start)s à %(end)s") % {
        "start": format_time(start_time),
        "end": format_time(end_time),
    }
