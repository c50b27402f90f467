"""Email alerts on a saved search of the hub. The person's consent, its double opt-in, the one-click
unsubscribe and the suppression list are the newsletter app's (newsletter.subscriptions): an alert
only counts while its consent is confirmed and not withdrawn."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AlertFrequency(models.TextChoices):
    DAILY = "daily", _("Chaque jour")
    WEEKLY = "weekly", _("Chaque semaine")


class SearchAlert(models.Model):
    consent = models.OneToOneField(
        "newsletter.Consent",
        verbose_name=_("Consentement"),
        on_delete=models.CASCADE,
        related_name="search_alert",
    )
    hub = models.ForeignKey(
        "resources.ResourceIndexPage",
        verbose_name=_("Centre de ressources"),
        on_delete=models.CASCADE,
        related_name="alerts",
    )
    querystring = models.CharField(_("Recherche"), max_length=1000, blank=True)
    frequency = models.CharField(
        _("Fréquence"), max_length=10, choices=AlertFrequency.choices, default=AlertFrequency.WEEKLY
    )
    created_at = models.DateTimeField(_("Créée le"), default=timezone.now)
    # Resources first published after this moment go into the next digest.
    last_sent_at = models.DateTimeField(_("Dernier envoi"), default=timezone.now)

    class Meta:
        verbose_name = _("Alerte sur une recherche")
        verbose_name_plural = _("Alertes sur une recherche")

    def __str__(self):
        return f"{self.consent.subscriber.email} — {self.querystring or '*'}"
