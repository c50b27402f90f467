"""Import the essential data of the notified contracts (DECP, format v2) of the Hérault's buyers: by
hand, or from cron or a systemd timer after each monthly publication.

manage.py import_decp --url https://…/decp.json   # the JSON file (nested or flat) or the flat CSV
manage.py import_decp                              # settings.DECP_URL

Idempotent: a second run of the same file changes nothing."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tenders.decp_import import run_decp_import
from tenders.models import DecpImportRun


class Command(BaseCommand):
    help = "Importe les données essentielles des marchés notifiés (DECP v2) des acheteurs de l'Hérault."

    def add_arguments(self, parser):
        parser.add_argument("--url", help="Adresse du fichier DECP (JSON ou CSV consolidé).")

    def handle(self, *args, url=None, **options):
        url = url or getattr(settings, "DECP_URL", "")
        if not url:
            raise CommandError(
                "Aucune adresse de fichier DECP : donnez --url ou la variable DECP_URL."
            )
        run = run_decp_import(url)
        for problem in run.problems:
            self.stderr.write(problem)
        if run.status == DecpImportRun.Status.FAILED:
            raise CommandError(run.error)
        self.stdout.write(
            f"{run.records} marché(s) lu(s) : {run.created} nouveaux, {run.changed} modifiés, "
            f"{run.unchanged} inchangés, {run.outside} hors Hérault, {run.skipped} écartés."
        )
