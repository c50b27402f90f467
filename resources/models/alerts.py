"""Email alerts on a saved search of the hub (core.alerts). The person's consent, its double opt-in,
the one-click unsubscribe and the suppression list are the newsletter app's
(newsletter.subscriptions): an alert only counts while its consent is confirmed and not withdrawn."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import SavedSearchAlert


class SearchAlert(SavedSearchAlert):
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

    class Meta:
        verbose_name = _("Alerte sur une recherche")
        verbose_name_plural = _("Alertes sur une recherche")

    def __str__(self):
        return f"{self.consent.subscriber.email} — {self.querystring or '*'}"
