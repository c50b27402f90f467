"""Recurring events (a monthly technical meeting): the rule as an editor writes it (how often,
every how many, which weekdays, "the 2nd Tuesday", until a date or a number of times), read as an
RFC 5545 rule by python-dateutil, and the single dates an editor excludes, cancels or moves.

`RecurrenceMixin` carries the fields and panels of the rule for `EventPage`; the occurrences it
gives are kept as rows (`models.occurrences`) so that the agenda lists, filters and pages them."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from dateutil import rrule

from .. import schedule


class Frequency(models.TextChoices):
    NONE = "", _("Ne se répète pas")
    DAILY = "daily", _("Chaque jour")
    WEEKLY = "weekly", _("Chaque semaine")
    MONTHLY = "monthly", _("Chaque mois")
    YEARLY = "yearly", _("Chaque année")


class Weekday(models.TextChoices):
    MONDAY = "MO", _("lundi")
    TUESDAY = "TU", _("mardi")
    WEDNESDAY = "WE", _("mercredi")
    THURSDAY = "TH", _("jeudi")
    FRIDAY = "FR", _("vendredi")
    SATURDAY = "SA", _("samedi")
    SUNDAY = "SU", _("dimanche")


class WeekOfMonth(models.IntegerChoices):
    FIRST = 1, _("le 1er")
    SECOND = 2, _("le 2e")
    THIRD = 3, _("le 3e")
    FOURTH = 4, _("le 4e")
    LAST = -1, _("le dernier")


WEEKDAY_CODES = list(Weekday.values)  # Monday first, as date.weekday() counts
DATEUTIL_FREQ = {
    Frequency.DAILY: rrule.DAILY,
    Frequency.WEEKLY: rrule.WEEKLY,
    Frequency.MONTHLY: rrule.MONTHLY,
    Frequency.YEARLY: rrule.YEARLY,
}
DATEUTIL_WEEKDAYS = dict(zip(WEEKDAY_CODES, rrule.weekdays, strict=True))
# A rule without an end is expanded this far ahead (and again every night, by
# refresh_event_occurrences): calendars expand the RRULE itself, without a limit.
HORIZON = datetime.timedelta(days=2 * 366)
# The fields of a series' rule (RecurrenceMixin): the field lists that read or watch a rule name them
# through this tuple.
RULE_FIELDS = (
    "repeat",
    "repeat_interval",
    "repeat_weekdays",
    "repeat_week_of_month",
    "repeat_until",
    "repeat_count",
)


class WeekdaysFormField(forms.MultipleChoiceField):
    def prepare_value(self, value):
        if isinstance(value, str):
            return [code for code in value.split(",") if code]
        return value


class WeekdaysField(models.CharField):
    """Weekdays stored as "MO,TH", edited as checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, "events.models.recurrence.WeekdaysField", args, kwargs

    def save_form_data(self, instance, data):
        codes = data if isinstance(data, list | tuple) else [data] if data else []
        setattr(instance, self.attname, ",".join(c for c in WEEKDAY_CODES if c in codes))

    def formfield(self, **kwargs):
        return WeekdaysFormField(
            choices=Weekday.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )


class RecurrenceMixin(models.Model):
    """The rule of a recurring event; the event's own dates are its first occurrence."""

    repeat = models.CharField(
        _("Répétition"), max_length=10, choices=Frequency.choices, blank=True, default=""
    )
    repeat_interval = models.PositiveSmallIntegerField(
        _("Tous les combien"),
        default=1,
        help_text=_("1 : chaque mois (ou semaine…) ; 2 : un mois sur deux."),
    )
    repeat_weekdays = WeekdaysField(
        _("Jours de la semaine"),
        help_text=_(
            "Chaque semaine : les jours où l'événement a lieu. Chaque mois : le jour de « le 2e "
            "mardi ». Aucun : le jour de la date de début."
        ),
    )
    repeat_week_of_month = models.SmallIntegerField(
        _("Semaine du mois"),
        choices=WeekOfMonth.choices,
        null=True,
        blank=True,
        help_text=_(
            "Chaque mois : « le 2e mardi », « le dernier jeudi ». Vide : le même jour du mois "
            "que la date de début (le 14 de chaque mois)."
        ),
    )
    repeat_until = models.DateField(_("Jusqu'au (inclus)"), null=True, blank=True)
    repeat_count = models.PositiveSmallIntegerField(
        _("Nombre de fois"),
        null=True,
        blank=True,
        help_text=_("Ou bien une date de fin, ou bien un nombre de fois ; vide : sans fin."),
    )

    recurrence_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("repeat"), FieldPanel("repeat_interval")]),
                FieldPanel("repeat_weekdays"),
                FieldPanel("repeat_week_of_month"),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
            ],
            heading=_("Répétition (réunion mensuelle…)"),
            classname="collapsed",
        ),
    ]

    class Meta:
        abstract = True

    @property
    def is_recurring(self) -> bool:
        return bool(self.repeat)

    @property
    def weekday_codes(self) -> list[str]:
        codes = [code for code in (self.repeat_weekdays or "").split(",") if code]
        return codes or [WEEKDAY_CODES[self.start_date.weekday()]]

    def _uses_weekdays(self) -> bool:
        return self.repeat == Frequency.WEEKLY or (
            self.repeat == Frequency.MONTHLY and self.repeat_week_of_month is not None
        )

    def recurrence_rule(self) -> rrule.rrule:
        """The rule over the local (Paris) start times, naive as RFC 5545 expands them."""
        options = {"interval": self.repeat_interval or 1}
        if self._uses_weekdays():
            days = [DATEUTIL_WEEKDAYS[code] for code in self.weekday_codes]
            if self.repeat == Frequency.MONTHLY:
                days = [day(self.repeat_week_of_month) for day in days]
            options["byweekday"] = days
        if self.repeat_until:
            options["until"] = datetime.datetime.combine(self.repeat_until, datetime.time.max)
        if self.repeat_count:
            options["count"] = self.repeat_count
        start = datetime.datetime.combine(self.start_date, self.start_time or datetime.time(0))
        return rrule.rrule(DATEUTIL_FREQ[self.repeat], dtstart=start, **options)

    def ical_rrule(self) -> dict:
        """The same rule as icalendar's RRULE value."""
        value = {"freq": self.repeat.upper()}
        if (self.repeat_interval or 1) > 1:
            value["interval"] = self.repeat_interval
        if self._uses_weekdays():
            prefix = "" if self.repeat == Frequency.WEEKLY else str(self.repeat_week_of_month)
            value["byday"] = [f"{prefix}{code}" for code in self.weekday_codes]
        if self.repeat_until:
            if self.start_time is None:
                value["until"] = self.repeat_until
            else:
                # With a TZID start, UNTIL is written in UTC (RFC 5545, 3.3.10).
                last = schedule.aware(self.repeat_until, datetime.time(23, 59, 59))
                value["until"] = last.astimezone(datetime.UTC)
        if self.repeat_count:
            value["count"] = self.repeat_count
        return value

    def rule_starts(self, until=None) -> list[datetime.datetime]:
        """The local start times the rule gives, up to `until` (a naive local datetime; by
        default the horizon from today)."""
        if not self.is_recurring:
            return [datetime.datetime.combine(self.start_date, self.start_time or datetime.time(0))]
        until = until or datetime.datetime.combine(
            datetime.date.today() + HORIZON, datetime.time(0)
        )
        return list(self.recurrence_rule().between(datetime.datetime.min, until, inc=True))

    def is_rule_date(self, day: datetime.date) -> bool:
        if not self.is_recurring:
            return day == self.start_date
        until = datetime.datetime.combine(day, datetime.time.max)
        start = datetime.datetime.combine(day, datetime.time(0))
        return bool(self.recurrence_rule().between(start, until, inc=True))

    @property
    def rule_text(self) -> str:
        """The rule in the visitor's words: "Chaque mois, le 2e mardi, jusqu'au 30 juin 2027"."""
        interval = self.repeat_interval or 1
        if interval > 1:
            unit = {
                Frequency.DAILY: gettext("jours"),
                Frequency.WEEKLY: gettext("semaines"),
                Frequency.MONTHLY: gettext("mois"),
                Frequency.YEARLY: gettext("ans"),
            }[self.repeat]
            parts = [gettext("Tous les %(n)s %(unit)s") % {"n": interval, "unit": unit}]
        else:
            parts = [str(Frequency(self.repeat).label)]
        days = [str(Weekday(code).label) for code in self.weekday_codes]
        if self.repeat == Frequency.WEEKLY:
            parts.append(gettext("le %(days)s") % {"days": gettext(" et ").join(days)})
        elif self.repeat == Frequency.MONTHLY:
            if self.repeat_week_of_month is not None:
                parts.append(
                    f"{WeekOfMonth(self.repeat_week_of_month).label} {gettext(' et ').join(days)}"
                )
            else:
                parts.append(gettext("le %(day)s") % {"day": _ordinal_day(self.start_date.day)})
        if self.repeat_until:
            parts.append(
                gettext("jusqu'au %(day)s") % {"day": schedule.format_day(self.repeat_until, False)}
            )
        elif self.repeat_count:
            parts.append(gettext("%(count)s fois") % {"count": self.repeat_count})
        return ", ".join(parts)

    @property
    def series_text(self) -> str:
        """The rule and the hours: "Chaque mois, le 2e mardi, de 9 h 30 à 12 h"."""
        times = schedule.format_hours(self.start_time, self.end_time)
        return f"{self.rule_text}, {times}" if times else self.rule_text

    def clean_recurrence(self) -> dict:
        """The rule's errors by field (EventPage.clean adds them to its own)."""
        errors = {}
        if not self.is_recurring or not self.start_date:
            return errors
        if not self.repeat_interval:
            errors["repeat_interval"] = _("Indiquez un nombre à partir de 1.")
        if self.repeat_until and self.repeat_count:
            errors["repeat_count"] = _(
                "Indiquez une date de fin ou un nombre de fois, pas les deux."
            )
        if self.repeat_until and self.repeat_until < self.start_date:
            errors["repeat_until"] = _("La fin de la répétition précède la date de début.")
        if self.repeat_weekdays and not self._uses_weekdays():
            errors["repeat_weekdays"] = _(
                "Les jours de la semaine servent aux répétitions chaque semaine, ou chaque mois "
                "avec une semaine du mois (« le 2e mardi »)."
            )
        if self.repeat_week_of_month is not None and self.repeat != Frequency.MONTHLY:
            errors["repeat_week_of_month"] = _(
                "La semaine du mois ne sert qu'aux répétitions chaque mois."
            )
        if not errors and not self.is_rule_date(self.start_date):
            errors["start_date"] = _(
                "La date de début doit être une des dates de la répétition (par exemple un 2e "
                "mardi pour « le 2e mardi de chaque mois »)."
            )
        return errors


def _ordinal_day(day: int) -> str:
    if (get_language() or "fr").startswith("fr"):
        return "1er" if day == 1 else str(day)
    return {1: "1st", 2: "2nd", 3: "3rd", 21: "21st", 22: "22nd", 23: "23rd", 31: "31st"}.get(
        day, f"{day}th"
    )


class RecurringPageForm(WagtailAdminPageForm):
    """The event's admin form: each changed date is checked against the rule as the editor just
    wrote it (Django's inline forms only know the saved page's id, None for a new one)."""

    def _post_clean(self):
        super()._post_clean()
        formset = self.formsets.get("occurrence_changes")
        for form in formset.forms if formset is not None else []:
            form.instance.page = self.instance


class ChangeKind(models.TextChoices):
    EXCLUDED = "excluded", _("N'a pas lieu (retirée de l'agenda)")
    CANCELLED = "cancelled", _("Annulée (affichée barrée)")
    MOVED = "moved", _("Déplacée")


class OccurrenceChange(Orderable):
    """One date of a recurring event excluded (EXDATE), cancelled, or moved (RECURRENCE-ID)."""

    page = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="occurrence_changes"
    )
    original_date = models.DateField(_("Date prévue par la répétition"))
    change = models.CharField(_("Changement"), max_length=10, choices=ChangeKind.choices)
    new_date = models.DateField(_("Nouvelle date"), null=True, blank=True)
    new_start_time = models.TimeField(_("Nouvelle heure de début"), null=True, blank=True)
    new_end_time = models.TimeField(_("Nouvelle heure de fin"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("original_date"), FieldPanel("change")]),
        FieldRowPanel(
            [FieldPanel("new_date"), FieldPanel("new_start_time"), FieldPanel("new_end_time")]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Date modifiée")
        verbose_name_plural = _("Dates modifiées")

    def clean(self):
        super().clean()
        errors = {}
        page = getattr(self, "page", None)
        if page is not None and page.start_date and self.original_date:
            if not page.is_recurring:
                errors["original_date"] = _(
                    "Seul un événement qui se répète a des dates à retirer, annuler ou déplacer."
                )
            elif not page.clean_recurrence() and not page.is_rule_date(self.original_date):
                errors["original_date"] = _(
                    "Le %(day)s n'est pas une date de la répétition : choisissez une des dates "
                    "qu'elle donne."
                ) % {"day": schedule.format_day(self.original_date)}
        if self.change == ChangeKind.MOVED:
            if self.new_date is None:
                errors["new_date"] = _("Indiquez la nouvelle date de cette séance.")
            if self.new_end_time and not self.new_start_time:
                errors["new_start_time"] = _(
                    "Indiquez l'heure de début, ou retirez l'heure de fin."
                )
            elif (
                self.new_start_time
                and self.new_end_time
                and self.new_end_time <= self.new_start_time
            ):
                errors["new_end_time"] = _("L'heure de fin doit suivre l'heure de début.")
        if errors:
            raise ValidationError(errors)

    def __str__(self):
        return f"{self.original_date} ({self.get_change_display()})"
