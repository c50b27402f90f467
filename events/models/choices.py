"""The agenda's vocabularies, with French labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    PROMOTION = "promotion", _("Événement de promotion")
    BUYERS_MEETING = "buyers_meeting", _("Réunion d'information des acheteurs")
    COORDINATION = "coordination", _("Réunion de coordination")
    TECHNICAL = "technical", _("Réunion technique")
    TRAINING = "training", _("Formation")
    WEBINAR = "webinar", _("Webinaire")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Programmé")
    CANCELLED = "cancelled", _("Annulé")
    POSTPONED = "postponed", _("Reporté")
    MOVED_ONLINE = "moved_online", _("Passé en ligne")


class OrganisationKind(models.TextChoices):
    """The kinds of organisation a registrant may say they come from (the directory's families)."""

    PUBLIC_BUYER = "public_buyer", _("Acheteur public")
    FACILITATOR = "facilitator", _("Facilitateur de clauses sociales")
    SIAE = "siae", _("Structure d'insertion par l'activité économique (SIAE)")
    DISABILITY = "disability", _("Entreprise adaptée ou ESAT")
    GEIQ = "geiq", _("GEIQ")
    PRESCRIBER = "prescriber", _("Prescripteur (France Travail, Cap emploi, Mission locale…)")
    COMPANY = "company", _("Entreprise")
    NETWORK = "network", _("Fédération ou réseau")
    OTHER = "other", _("Autre")
