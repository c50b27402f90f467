"""Email alerts on a saved search of the watch (core.alerts). The person's consent, its double
opt-in, the one-click unsubscribe and the suppression list are the newsletter app's
(newsletter.subscriptions): an alert only counts while its consent is confirmed and not withdrawn."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import SavedSearchAlert


class WatchAlert(SavedSearchAlert):
    consent = models.OneToOneField(
        "newsletter.Consent",
        verbose_name=_("Consentement"),
        on_delete=models.CASCADE,
        related_name="watch_alert",
    )
    watch = models.ForeignKey(
        "tenders.WatchPage",
        verbose_name=_("Veille des marchés"),
        on_delete=models.CASCADE,
        related_name="alerts",
    )

    class Meta:
        verbose_name = _("Alerte sur la veille des marchés")
        verbose_name_plural = _("Alertes sur la veille des marchés")

    def __str__(self):
        return f"{self.consent.subscriber.email} — {self.querystring or '*'}"
