"""Template filters for French text: long dates with "1er", times as "14 h 30", and word
truncation that keeps the non-breaking spaces of French typography."""

import re

from django import template
from django.template.defaultfilters import stringfilter
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import pgettext

register = template.Library()

NBSP = "\u00a0"
# Break between words at ordinary spaces only: "marché\u00a0: heures" stays one unit.
WORD_BREAK = re.compile(r"[ \t\r\n]+")


def _french() -> bool:
    return (translation.get_language() or "").startswith("fr")


@register.filter(expects_localtime=True)
def long_date(value, weekday: str = "") -> str:
    """`value` (a date or datetime) as "1er avril 2019", "12 mars 2024"; in English "1 April
    2019"; with `weekday` ("weekday"), "mardi 1er avril 2019". Empty for no date."""
    if not value:
        return ""
    text = date_format(value, "j F Y")
    if value.day == 1 and _french():
        text = "1er" + text[1:]
    if weekday:
        text = f"{date_format(value, 'l')} {text}"
    return text


@register.filter(expects_localtime=True)
def time_of_day(value) -> str:
    """The time of `value` (a datetime or time) as French writes it, "14 h 30", "9 h 05", "12 h"
    (non-breaking spaces, as the agenda writes its hours); in English "14:30". Empty for none."""
    if value is None or value == "":
        return ""
    if _french():
        return f"{value.hour}{NBSP}h" + (f"{NBSP}{value.minute:02d}" if value.minute else "")
    return f"{value.hour}:{value.minute:02d}"


@register.filter(expects_localtime=True)
def long_date_time(value, weekday: str = "") -> str:
    """`value` (a datetime) as "1er avril 2019 à 14 h 30"; in English "1 April 2019 at 14:30";
    with `weekday` ("weekday"), the day's name first. Empty for no date."""
    if not value:
        return ""
    return pgettext("a long date and its time", "%(date)s à %(time)s") % {
        "date": long_date(value, weekday),
        "time": time_of_day(value),
    }


@register.filter(is_safe=True)
@stringfilter
def truncate_words(value: str, count: int) -> str:
    """The first `count` words of `value` followed by "…", like Django's truncatewords, but
    without turning the non-breaking spaces before ; : ! ? » and after « into ordinary ones."""
    words = WORD_BREAK.split(value.strip())
    if len(words) <= int(count):
        return " ".join(words)
    # Django's own ending, as its truncatewords writes it.
    ending = pgettext("String to return when truncating text", "%(truncated_text)s…")
    return ending % {"truncated_text": " ".join(words[: int(count)])}
