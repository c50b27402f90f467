"""What every import run of the watch records (BOAMP notices, DECP contracts): when it started and
ended, its status, its counters, the problems of the records it skipped and the error that
stopped it. Abstract: each importer's run is its own table."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRunBase(models.Model):
    class Status(models.TextChoices):
        RUNNING = "en-cours", _("En cours")
        DONE = "termine", _("Terminé")
        FAILED = "echec", _("Échec")

    started_at = models.DateTimeField(_("Début"), auto_now_add=True)
    finished_at = models.DateTimeField(_("Fin"), null=True, blank=True)
    status = models.CharField(
        _("Statut"), max_length=10, choices=Status.choices, default=Status.RUNNING
    )
    created = models.PositiveIntegerField(_("Nouveaux"), default=0)
    changed = models.PositiveIntegerField(_("Modifiés"), default=0)
    unchanged = models.PositiveIntegerField(_("Inchangés"), default=0)
    skipped = models.PositiveIntegerField(_("Écartés"), default=0)
    problems = models.JSONField(_("Problèmes"), default=list, blank=True)
    error = models.TextField(_("Erreur"), blank=True)

    class Meta:
        abstract = True
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M} ({self.get_status_display()})"
