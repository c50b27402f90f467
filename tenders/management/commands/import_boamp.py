"""Import the BOAMP notices of the Hérault: by hand, or every morning from cron or a systemd timer.

manage.py import_boamp                      # from the day after the last imported day
manage.py import_boamp --since 2026-09-01   # again from a date (idempotent)
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date

from tenders.importing import next_day_to_import, run_import
from tenders.models import ImportRun

FIRST_RUN_DAYS = 30


class Command(BaseCommand):
    help = "Importe les avis de marché du BOAMP pour l'Hérault, jour par jour."

    def add_arguments(self, parser):
        parser.add_argument("--since", help="Premier jour de publication (AAAA-MM-JJ).")
        parser.add_argument("--until", help="Dernier jour (AAAA-MM-JJ), aujourd'hui par défaut.")

    def _day(self, value, name):
        day = parse_date(value) if value else None
        if value and day is None:
            raise CommandError(f"--{name} : date invalide « {value} » (attendu AAAA-MM-JJ).")
        return day

    def handle(self, *args, since=None, until=None, verbosity=1, **options):
        today = timezone.localdate()
        until = self._day(until, "until") or today
        since = self._day(since, "since") or next_day_to_import(
            today - datetime.timedelta(days=FIRST_RUN_DAYS)
        )
        if since > until:
            self.stdout.write(f"Rien à importer : déjà à jour jusqu'au {until:%d/%m/%Y}.")
            return

        def log(day, result):
            if verbosity > 1:
                self.stdout.write(
                    f"{day:%d/%m/%Y} : {result.created} nouveaux, {result.changed} modifiés, "
                    f"{result.cancelled} annulés, {result.skipped} écartés."
                )

        run = run_import(since, until, log=log)
        summary = (
            f"{run.windows_done} jour(s) importé(s) : {run.created} nouveaux, {run.changed} "
            f"modifiés, {run.cancelled} annulés, {run.unchanged} inchangés, {run.skipped} écartés."
        )
        for problem in run.problems:
            self.stderr.write(problem)
        if run.status == ImportRun.Status.FAILED:
            raise CommandError(f"{summary}\n{run.error}")
        self.stdout.write(summary)
