"""The agenda's vocabularies, with French labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.kinds import OrganisationKind  # noqa: F401 (the registrants' kinds, shared with the directory)


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
