"""The dates of an event as rows: one for a single event, one per date of a recurring event's rule
(up to the horizon when the rule has no end), each moved or cancelled as the editor said. The
agenda lists these rows (occurrences, not series), the month view places them, and each date of a
series has its own page and its own registrations.

`sync_occurrences(event)` rewrites the rows when the event is published; a row keeps its primary
key as long as its date stays in the rule, so that its registrations stay with it. A date that
leaves the rule while people are registered to it is kept, cancelled, and they are told."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import schedule
from .recurrence import ChangeKind


class EventOccurrence(models.Model):
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("Événement"),
        on_delete=models.CASCADE,
        related_name="occurrences",
    )
    # The date the rule gives (its RECURRENCE-ID), which names the occurrence in its URL even
    # once moved, and keeps its registrations when the series' time changes.
    original_date = models.DateField(_("Date prévue"))
    starts_at = models.DateTimeField(_("Début"), db_index=True)
    ends_at = models.DateTimeField(_("Fin"), db_index=True)
    start_date = models.DateField()
    start_time = models.TimeField(null=True)
    end_date = models.DateField()
    end_time = models.TimeField(null=True)
    moved = models.BooleanField(default=False)
    cancelled = models.BooleanField(_("Annulée"), default=False)
    # False for a single event's one row (its registrations name no occurrence).
    in_series = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("Date d'un événement")
        verbose_name_plural = _("Dates des événements")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "original_date"], name="events_one_occurrence_per_rule_date"
            )
        ]

    def __str__(self):
        return f"{self.event.title}, {schedule.format_day(self.start_date)}"

    @property
    def key(self) -> str:
        """The occurrence in its URL: the date the rule gives, "2027-01-12"."""
        return self.original_date.isoformat()

    @property
    def all_day(self) -> bool:
        return self.start_time is None

    @property
    def schedule_text(self) -> str:
        return schedule.format_schedule(
            self.start_date, self.start_time, self.end_date, self.end_time
        )

    def timing(self, now=None) -> str:
        """ "upcoming", "ongoing" or "past", from the dates."""
        now = now or timezone.now()
        if now < self.starts_at:
            return "upcoming"
        return "ongoing" if now < self.ends_at else "past"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled or self.event.is_cancelled

    @property
    def url(self) -> str:
        # `event_url`: the event's address when the agenda's lists already know it.
        event_url = self.__dict__.get("event_url") or self.event.url
        if not self.in_series:
            return event_url
        return f"{event_url}{self.key}/"

    def get_full_url(self, request=None) -> str:
        if not self.in_series:
            return self.event.get_full_url(request)
        return self.event.get_full_url(request) + self.event.reverse_subpage(
            "occurrence_view", args=(self.key,)
        )


@dataclass
class Planned:
    original_date: datetime.date
    start_date: datetime.date
    start_time: datetime.time | None
    end_date: datetime.date
    end_time: datetime.time | None
    moved: bool = False
    cancelled: bool = False

    @property
    def starts_at(self):
        return schedule.aware(self.start_date, self.start_time)

    @property
    def ends_at(self):
        return schedule.event_end(self.start_date, self.start_time, self.end_date, self.end_time)


def planned_occurrences(event, until=None, changes=None) -> list[Planned]:
    """The dates of `event` as its rule and its changes give them (excluded dates left out);
    `changes`: its OccurrenceChange rows when the caller read them already."""
    span = (event.end_date or event.start_date) - event.start_date
    if changes is None:
        changes = event.occurrence_changes.all()
    changes = {change.original_date: change for change in changes}
    planned = []
    for local_start in event.rule_starts(until):
        day = local_start.date()
        item = Planned(
            original_date=day,
            start_date=day,
            start_time=event.start_time,
            end_date=day + span,
            end_time=event.end_time,
        )
        change = changes.get(day) if event.is_recurring else None
        if change is not None:
            if change.change == ChangeKind.EXCLUDED:
                continue
            if change.change == ChangeKind.CANCELLED:
                item.cancelled = True
            elif change.change == ChangeKind.MOVED and change.new_date:
                item.moved = True
                item.start_date = change.new_date
                item.end_date = change.new_date + span
                if change.new_start_time:
                    item.start_time = change.new_start_time
                    item.end_time = change.new_end_time
        planned.append(item)
    return planned


FIELDS = ("starts_at", "ends_at", "start_date", "start_time", "end_date", "end_time", "moved")


def sync_occurrences(event) -> list[tuple[int, str]]:
    """Rewrite the rows of `event` from its rule; returns the occurrences whose registrants must
    be told, as (occurrence id, "event_changed" or "event_cancelled")."""
    existing = {row.original_date: row for row in event.occurrences.all()}
    notices = []
    keep = set()
    with_registrations = set(
        event.registrations.exclude(occurrence=None).values_list("occurrence_id", flat=True)
    )
    for item in planned_occurrences(event):
        row = existing.get(item.original_date)
        values = {name: getattr(item, name) for name in FIELDS}
        values.update(cancelled=item.cancelled, in_series=event.is_recurring)
        if row is None:
            row = EventOccurrence.objects.create(
                event=event, original_date=item.original_date, **values
            )
        else:
            changed = [name for name, value in values.items() if getattr(row, name) != value]
            if changed:
                if row.pk in with_registrations and row.in_series:
                    if item.cancelled and not row.cancelled:
                        notices.append((row.pk, "event_cancelled"))
                    elif {"starts_at", "ends_at"} & set(changed) and not item.cancelled:
                        notices.append((row.pk, "event_changed"))
                for name, value in values.items():
                    setattr(row, name, value)
                row.save()
        keep.add(row.pk)
    for row in existing.values():
        if row.pk in keep:
            continue
        if row.pk in with_registrations:
            if not row.cancelled:
                row.cancelled = True
                row.save(update_fields=["cancelled"])
                notices.append((row.pk, "event_cancelled"))
        else:
            row.delete()
    return notices
