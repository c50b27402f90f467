"""The only models core holds: abstract ones, which every app may build on (no table of core's own).
Their presence also makes Django send core its post_migrate signal (core.apps)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AlertFrequency(models.TextChoices):
    DAILY = "daily", _("Chaque jour")
    WEEKLY = "weekly", _("Chaque semaine")


class SavedSearchAlert(models.Model):
    """A search saved by a visitor, sent to them as a digest of what is new since `last_sent_at`."""

    querystring = models.CharField(_("Recherche"), max_length=1000, blank=True)
    frequency = models.CharField(
        _("Fréquence"), max_length=10, choices=AlertFrequency.choices, default=AlertFrequency.WEEKLY
    )
    created_at = models.DateTimeField(_("Créée le"), default=timezone.now)
    # Items first published after this moment go into the next digest.
    last_sent_at = models.DateTimeField(_("Dernier envoi"), default=timezone.now)

    class Meta:
        abstract = True
