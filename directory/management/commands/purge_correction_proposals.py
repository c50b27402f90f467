"""Delete the correction proposals left pending longer than DIRECTORY_CORRECTION_RETENTION_DAYS, and
with them their proposers' addresses (run daily)."""

from django.core.management.base import BaseCommand

from directory.corrections import purge_expired


class Command(BaseCommand):
    help = "Efface les propositions de correction en attente depuis trop longtemps."

    def handle(self, *args, **options):
        deleted = purge_expired()
        if options["verbosity"]:
            self.stdout.write(f"{deleted} proposition(s) de correction effacée(s).")
