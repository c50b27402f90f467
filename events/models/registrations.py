"""Registrations to an event or to one date of a recurring event: a confirmed place, a place on the
waiting list, a place offered to the first on the list for a limited time, or, when the event
requires approval, a request a moderator accepts or refuses. The rules that move a registration
from one state to another, under a lock on the event, are in `events.booking`; the event's side
(dates of registration, capacity per date, questions) is `RegistrationSettingsMixin`."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from core.kinds import OrganisationKind

from .choices import EventStatus


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Inscrit")
    PENDING = "pending", _("En attente de validation")
    WAITING = "waiting", _("Liste d'attente")
    OFFERED = "offered", _("Place proposée")
    CANCELLED = "cancelled", _("Annulée")
    EXPIRED = "expired", _("Proposition expirée")
    REFUSED = "refused", _("Refusée")


# A registration that still counts for its address (one per address and date).
ACTIVE = [
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.PENDING,
    RegistrationStatus.WAITING,
    RegistrationStatus.OFFERED,
]
# A registration that holds one of the event's places.
HOLDING = [RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED]


class Registration(models.Model):
    """One person's registration. Personal data is what the organisers need and no more; it is
    erased `EVENTS_REGISTRATION_RETENTION_MONTHS` after the event (`erase_past_registrations`), or
    at once when the registrant asks."""

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("Événement"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    # The date of a recurring event (None for a single event): places are counted per date.
    occurrence = models.ForeignKey(
        "events.EventOccurrence",
        verbose_name=_("Date"),
        on_delete=models.CASCADE,
        related_name="registrations",
        null=True,
        blank=True,
    )
    status = models.CharField(
        _("État"), max_length=12, choices=RegistrationStatus.choices, db_index=True
    )
    name = models.CharField(_("Nom et prénom"), max_length=150)
    email = models.EmailField(_("Adresse électronique"), max_length=254)
    organisation = models.CharField(_("Structure"), max_length=200, blank=True)
    organisation_kind = models.CharField(
        _("Type de structure"), max_length=20, choices=OrganisationKind.choices, blank=True
    )
    accessibility_needs = models.TextField(_("Besoins d'accessibilité"), blank=True)
    diet = models.CharField(_("Régime alimentaire"), max_length=200, blank=True)
    language = models.CharField(_("Langue"), max_length=5, default="fr")
    # The secret of the registrant's links (cancel, accept an offer, erase): signed in the URL.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("Inscrit le"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("Modifié le"), auto_now=True)
    offer_expires_at = models.DateTimeField(
        _("Proposition valable jusqu'au"), null=True, blank=True
    )
    cancelled_at = models.DateTimeField(_("Annulée le"), null=True, blank=True)
    reminded_day_before_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_hour_before_at = models.DateTimeField(null=True, blank=True, editable=False)
    attended = models.BooleanField(_("Présent"), null=True, blank=True)

    class Meta:
        verbose_name = _("Inscription")
        verbose_name_plural = _("Inscriptions")
        ordering = ["event", "created_at", "pk"]
        constraints = [
            # The database, not the code, refuses a second active registration of one address:
            # two simultaneous posts of the same form cannot both pass.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=ACTIVE, occurrence__isnull=True),
                name="events_one_active_registration_per_address",
            ),
            models.UniqueConstraint(
                fields=["occurrence", "email"],
                condition=Q(status__in=ACTIVE, occurrence__isnull=False),
                name="events_one_active_registration_per_address_and_date",
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def is_active(self):
        return self.status in ACTIVE

    @property
    def when(self):
        """The date registered to: the occurrence of a series, else the event."""
        return self.occurrence or self.event

    @property
    def page_url(self):
        return self.occurrence.get_full_url() if self.occurrence else self.event.get_full_url()


class RegistrationSettingsMixin(models.Model):
    """An event's registrations: when they open and close, places per date, the waiting list,
    approval by a moderator, and the questions asked."""

    registration_enabled = models.BooleanField(_("Inscription sur le site"), default=False)
    registration_opens_at = models.DateTimeField(
        _("Ouverture des inscriptions"),
        null=True,
        blank=True,
        help_text=_("Vide : dès la publication."),
    )
    registration_closes_at = models.DateTimeField(
        _("Clôture des inscriptions"),
        null=True,
        blank=True,
        help_text=_("Vide : au début de l'événement (de chaque date, s'il se répète)."),
    )
    capacity = models.PositiveIntegerField(
        _("Nombre de places"),
        null=True,
        blank=True,
        help_text=_("Par date, si l'événement se répète. Vide : sans limite."),
    )
    waiting_list = models.BooleanField(
        _("Liste d'attente"),
        default=True,
        help_text=_(
            "Quand l'événement est complet, proposer de s'inscrire sur la liste d'attente."
        ),
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("Délai pour accepter une place libérée (heures)"), default=24
    )
    requires_approval = models.BooleanField(
        _("Inscriptions validées par un modérateur"),
        default=False,
        help_text=_(
            "Chaque demande attend qu'un modérateur l'accepte ou la refuse (menu Agenda > "
            "Inscriptions) ; la personne est prévenue par courriel."
        ),
    )
    ask_organisation = models.BooleanField(_("Demander la structure"), default=True)
    ask_accessibility = models.BooleanField(_("Demander les besoins d'accessibilité"), default=True)
    ask_diet = models.BooleanField(_("Demander le régime alimentaire"), default=False)

    registration_panels = [
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldRowPanel(
                    [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                ),
                FieldRowPanel(
                    [FieldPanel("capacity"), FieldPanel("waiting_list"), FieldPanel("offer_hours")]
                ),
                FieldPanel("requires_approval"),
                FieldRowPanel(
                    [
                        FieldPanel("ask_organisation"),
                        FieldPanel("ask_accessibility"),
                        FieldPanel("ask_diet"),
                    ]
                ),
            ],
            heading=_("Inscriptions"),
        ),
    ]

    class Meta:
        abstract = True

    def slot_registrations(self, occurrence=None):
        """The registrations of one date: the occurrence's, or the single event's."""
        return self.registrations.filter(occurrence=occurrence)

    def places_taken(self, occurrence=None):
        return self.slot_registrations(occurrence).filter(status__in=HOLDING).count()

    def places_left(self, occurrence=None):
        """Places still free (None when the event has no limit)."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.places_taken(occurrence), 0)

    def waiting_count(self, occurrence=None):
        return self.slot_registrations(occurrence).filter(status=RegistrationStatus.WAITING).count()

    def registration_closes(self, occurrence=None):
        return self.registration_closes_at or (occurrence or self).starts_at

    def registration_state(self, now=None, occurrence=None):
        """Why a visitor may or may not register now: "open", "full" (waiting list only),
        "not_yet", "closed", "cancelled", "none", "choose_date" (a series: one registers to one
        of its dates)."""
        now = now or timezone.now()
        if not self.registration_enabled:
            return "none"
        if self.status == EventStatus.CANCELLED or (occurrence and occurrence.cancelled):
            return "cancelled"
        if self.is_recurring and occurrence is None:
            return "choose_date"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet"
        if now >= self.registration_closes(occurrence):
            return "closed"
        left = self.places_left(occurrence)
        if left == 0:
            return "full" if self.waiting_list else "closed_full"
        return "open"
