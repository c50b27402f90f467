"""Send the digests of the search alerts: run daily (`--frequency daily`) and weekly
(`--frequency weekly`) from cron or a systemd timer; see the README. Every app that registered an
alert source (core.alerts) is served."""

from django.core.management.base import BaseCommand

from core.alerts import AlertFrequency, due_alerts, send_alert


class Command(BaseCommand):
    help = "Envoie les alertes sur les recherches enregistrées (quotidiennes ou hebdomadaires)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency", choices=AlertFrequency.values, default=AlertFrequency.DAILY
        )

    def handle(self, *args, frequency, **options):
        sent = failed = 0
        for alert in due_alerts(frequency):
            try:
                if send_alert(alert):
                    sent += 1
            except Exception as error:  # one failing address must not stop the others
                failed += 1
                self.stderr.write(f"Alerte {alert.pk} : {type(error).__name__}: {error}")
        self.stdout.write(f"Alertes envoyées : {sent} ; en échec : {failed}")
        if failed:
            raise SystemExit(1)
