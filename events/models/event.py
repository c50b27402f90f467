"""An event of the agenda (models.agenda): kind, state, dates in Europe/Paris, place and online link,
programme, speakers and documents (models.inlines), and its registrations with capacity and waiting
list. What visitors may see of the events is read through models.queries.

Its routes call `events.views.event`, which reads the registrations through `models.registrations`
and never imports this module: the imports go one way."""

import datetime
import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import content_blocks

from .. import schedule
from ..tasks import notify_registrants
from ..views import event as views
from .choices import EventKind, EventStatus
from .occurrences import sync_occurrences
from .recurrence import RULE_FIELDS, RecurrenceMixin, RecurringPageForm
from .registrations import RegistrationSettingsMixin

# The fields a calendar shows: a change to any of them bumps the event's iCalendar SEQUENCE.
CALENDAR_FIELDS = (
    "title",
    "summary",
    "status",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "venue",
    "street_address",
    "postal_code",
    "city",
    "online_url",
    *RULE_FIELDS,
)

# The fields whose change is emailed to the registrants.
NOTICE_FIELDS = (
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "venue",
    "street_address",
    "city",
    "online_url",
)


class EventPage(RecurrenceMixin, RegistrationSettingsMixin, RoutablePageMixin, Page):
    kind = models.CharField(
        _("Type d'événement"), max_length=20, choices=EventKind.choices, db_index=True
    )
    status = models.CharField(
        _("État"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_(
            "Un événement annulé reste affiché, barré, et disparaît des agendas de ceux qui "
            "l'ont ajouté ; ses inscrits sont prévenus par courriel."
        ),
    )
    previous_start_date = models.DateField(
        _("Date initialement prévue"),
        null=True,
        blank=True,
        help_text=_("Pour un événement reporté : la date annoncée d'abord."),
    )
    summary = models.TextField(
        _("Résumé"),
        help_text=_("Deux ou trois phrases : affiché dans l'agenda et les calendriers."),
    )
    body = StreamField(content_blocks(), verbose_name=_("Programme"), blank=True)
    audiences = ParentalManyToManyField(
        "newsletter.Audience", verbose_name=_("Publics"), blank=True
    )

    start_date = models.DateField(_("Date de début"))
    start_time = models.TimeField(
        _("Heure de début"),
        null=True,
        blank=True,
        help_text=_("Laissez vide pour un événement sur la journée entière."),
    )
    end_date = models.DateField(
        _("Date de fin"), null=True, blank=True, help_text=_("Vide : le même jour.")
    )
    end_time = models.TimeField(_("Heure de fin"), null=True, blank=True)
    # The dates as aware datetimes (Europe/Paris), kept as columns to sort and filter the agenda.
    starts_at = models.DateTimeField(editable=False, db_index=True)
    ends_at = models.DateTimeField(editable=False, db_index=True)

    venue = models.CharField(_("Lieu"), max_length=200, blank=True)
    street_address = models.CharField(_("Adresse"), max_length=250, blank=True)
    postal_code = models.CharField(_("Code postal"), max_length=10, blank=True)
    city = models.CharField(_("Commune"), max_length=100, blank=True, db_index=True)
    latitude = models.DecimalField(
        _("Latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("Longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    access_info = models.TextField(
        _("Accès"), blank=True, help_text=_("Transports en commun, stationnement.")
    )
    accessibility_info = models.TextField(
        _("Accessibilité"),
        blank=True,
        help_text=_("Accès en fauteuil roulant, boucle magnétique, interprétation LSF…"),
    )
    online_url = models.URLField(
        _("Lien de la réunion en ligne"),
        blank=True,
        max_length=500,
        help_text=_(
            "Envoyé aux inscrits ; affiché sur la page quand l'événement est sans inscription."
        ),
    )
    organiser = models.CharField(
        _("Organisateur"),
        max_length=200,
        default="Mission Interinstitutionnelle Clause Sociale 34",
    )
    partners = models.CharField(
        _("Partenaires"), max_length=300, blank=True, help_text=_("Séparés par des virgules.")
    )

    # iCalendar: SEQUENCE, bumped each time a field a calendar shows changes (CALENDAR_FIELDS).
    ical_sequence = models.PositiveIntegerField(default=0, editable=False)
    ical_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        FieldPanel("previous_start_date"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
            ],
            heading=_("Dates (heure de Paris)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("access_info"),
                FieldPanel("accessibility_info"),
                FieldPanel("online_url"),
            ],
            heading=_("Lieu et réunion en ligne"),
        ),
        FieldPanel("body"),
        InlinePanel("speakers", label=_("Intervenants")),
        InlinePanel("documents", label=_("Documents (supports, compte rendu)")),
        MultiFieldPanel(
            [FieldPanel("organiser"), FieldPanel("partners"), FieldPanel("audiences")],
            heading=_("Organisation et publics"),
        ),
        *RecurrenceMixin.recurrence_panels,
        InlinePanel(
            "occurrence_changes",
            label=_("Dates retirées, annulées ou déplacées (événement qui se répète)"),
        ),
        *RegistrationSettingsMixin.registration_panels,
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.SearchField("city"),
        index.FilterField("kind"),
        index.FilterField("starts_at"),
        index.FilterField("ends_at"),
    ]

    # The address and the link are the same in every language: copied to the translations, so
    # that the agenda's commune filter reads the same names everywhere.
    override_translatable_fields = [
        SynchronizedField("street_address"),
        SynchronizedField("postal_code"),
        SynchronizedField("city"),
        SynchronizedField("online_url"),
        SynchronizedField("repeat_weekdays"),
    ]

    parent_page_types = ["events.AgendaPage"]
    subpage_types = []
    template = "events/event_page.html"
    base_form_class = RecurringPageForm

    class Meta:
        verbose_name = _("Événement")
        verbose_name_plural = _("Événements")

    # --- Dates ------------------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        end_date = self.end_date or self.start_date
        if self.start_date and end_date < self.start_date:
            errors["end_date"] = _("La date de fin précède la date de début.")
        if self.start_time is None and self.end_time is not None:
            errors["start_time"] = _("Indiquez l'heure de début, ou retirez l'heure de fin.")
        if (
            self.start_date
            and self.start_time
            and self.end_time
            and end_date == self.start_date
            and self.end_time <= self.start_time
        ):
            errors["end_time"] = _("L'heure de fin doit suivre l'heure de début.")
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at <= self.registration_opens_at
        ):
            errors["registration_closes_at"] = _(
                "La clôture des inscriptions doit suivre leur ouverture."
            )
        if self.status == EventStatus.MOVED_ONLINE and not self.online_url:
            errors["online_url"] = _("Un événement passé en ligne a besoin du lien de la réunion.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Indiquez la latitude et la longitude, ou aucune des deux.")
        errors.update(
            {name: error for name, error in self.clean_recurrence().items() if name not in errors}
        )
        if errors:
            raise ValidationError(errors)

    def _compute_dates(self):
        self.starts_at = schedule.aware(self.start_date, self.start_time)
        self.ends_at = schedule.event_end(
            self.start_date, self.start_time, self.end_date, self.end_time
        )

    def calendar_fingerprint(self):
        values = {name: str(getattr(self, name)) for name in CALENDAR_FIELDS}
        values["changes"] = sorted(
            f"{c.original_date}|{c.change}|{c.new_date}|{c.new_start_time}|{c.new_end_time}"
            for c in self.occurrence_changes.all()
        )
        return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()

    def save(self, *args, **kwargs):
        change = None
        if kwargs.get("update_fields") is None:
            self._compute_dates()
            fingerprint = self.calendar_fingerprint()
            if self.ical_fingerprint and fingerprint != self.ical_fingerprint:
                self.ical_sequence += 1
                change = self._registrants_notice()
            self.ical_fingerprint = fingerprint
        result = super().save(*args, **kwargs)
        dates = sync_occurrences(self) if kwargs.get("update_fields") is None else []
        if self.live and (change or dates):
            # Once the publication is committed: the registrants read what was published.
            pk = self.pk
            transaction.on_commit(lambda: _notify(pk, change, dates))
        return result

    def _registrants_notice(self):
        """ "event_cancelled" or "event_changed" when this save cancels the event or moves its
        date, time or place (compared with the row as last saved), else None."""
        before = (
            EventPage.objects.filter(pk=self.pk).values(*NOTICE_FIELDS, "status").first()
            if self.pk
            else None
        )
        if before is None:
            return None
        if self.status == EventStatus.CANCELLED:
            return "event_cancelled" if before["status"] != EventStatus.CANCELLED else None
        if any(before[name] != getattr(self, name) for name in NOTICE_FIELDS) or (
            before["status"] != self.status and self.status == EventStatus.MOVED_ONLINE
        ):
            return "event_changed"
        return None

    def next_occurrences(self, limit=12, now=None):
        """The dates still to come (cancelled ones included, shown struck out)."""
        return self.occurrences.filter(ends_at__gte=now or timezone.now())[:limit]

    def occurrence_by_key(self, key):
        """The occurrence of this series named `key` ("2027-01-12") in its URL, or None."""
        try:
            day = datetime.date.fromisoformat(key)
        except ValueError:
            return None
        return self.occurrences.filter(original_date=day, in_series=True).first()

    @property
    def all_day(self):
        return self.start_time is None

    @property
    def schedule_text(self):
        return schedule.format_schedule(
            self.start_date, self.start_time, self.end_date, self.end_time
        )

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    def timing(self, now=None):
        """ "upcoming", "ongoing" or "past", from the dates."""
        now = now or timezone.now()
        if now < self.starts_at:
            return "upcoming"
        return "ongoing" if now < self.ends_at else "past"

    @property
    def is_online(self):
        return bool(self.online_url) and (
            self.status == EventStatus.MOVED_ONLINE or not (self.venue or self.city)
        )

    @property
    def has_place(self):
        return self.status != EventStatus.MOVED_ONLINE and bool(self.venue or self.city)

    @property
    def partner_list(self):
        return [name.strip() for name in self.partners.split(",") if name.strip()]

    @property
    def intro(self):
        """The event in one line for the newsletter's digest: when, where, what."""
        where = f", {self.city}" if self.has_place and self.city else ""
        return f"{self.schedule_text}{where}. {self.summary}"

    # --- Routes -----------------------------------------------------------------------------------

    @path("")
    def event_view(self, request):
        return views.event_detail(request, self)

    @path("inscription/")
    def register_view(self, request):
        return views.register(request, self)

    @path("inscription/<str:token>/")
    def manage_view(self, request, token):
        return views.manage_registration(request, self, token)

    @path("calendrier/")
    def ical_view(self, request):
        return views.event_ical(request, self)

    @re_path(r"^(\d{4}-\d{2}-\d{2})/$", name="occurrence_view")
    def occurrence_view(self, request, key):
        return views.event_detail(request, self, key)

    @re_path(r"^(\d{4}-\d{2}-\d{2})/inscription/$", name="occurrence_register_view")
    def occurrence_register_view(self, request, key):
        return views.register(request, self, key)

    @re_path(r"^(\d{4}-\d{2}-\d{2})/calendrier/$", name="occurrence_ical_view")
    def occurrence_ical_view(self, request, key):
        return views.event_ical(request, self, key)


def _notify(event_id, change, dates):
    if change:
        notify_registrants.enqueue(event_id=event_id, kind=change)
    for occurrence_id, kind in dates:
        notify_registrants.enqueue(event_id=event_id, kind=kind, occurrence_id=occurrence_id)
