"""Registrations to an event: a confirmed place, a place on the waiting list, or a place offered to
the first on the list for a limited time. The rules that move a registration from one state to
another, under a lock on the event, are in `events.booking`."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import OrganisationKind


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Inscrit")
    WAITING = "waiting", _("Liste d'attente")
    OFFERED = "offered", _("Place proposée")
    CANCELLED = "cancelled", _("Annulée")
    EXPIRED = "expired", _("Proposition expirée")


# A registration that still counts for its address (one per address and event).
ACTIVE = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING, RegistrationStatus.OFFERED]
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
                condition=Q(status__in=ACTIVE),
                name="events_one_active_registration_per_address",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def is_active(self):
        return self.status in ACTIVE
