"""Find again the commune of every notice (tenders.territories), after the directory's territories
were loaded or changed; `--reread` reads the addresses again from the raw records (the notices
imported before the watch kept them).

manage.py locate_notices
manage.py locate_notices --reread
"""

from django.core.management.base import BaseCommand

from tenders.territories import locate_notices


class Command(BaseCommand):
    help = "Retrouve la commune de chaque avis de marché (lieu d'exécution, adresse de l'acheteur)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reread",
            action="store_true",
            help="Relire les adresses dans les enregistrements bruts du BOAMP.",
        )

    def handle(self, *args, reread=False, **options):
        changed = locate_notices(reread=reread)
        if options["verbosity"]:
            self.stdout.write(f"{changed} avis relocalisés.")
