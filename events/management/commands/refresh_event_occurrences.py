from django.core.management.base import BaseCommand

from events.occurrences_refresh import refresh_open_ended_series


class Command(BaseCommand):
    help = (
        "Prolonge les dates des événements qui se répètent sans fin jusqu'à deux ans devant "
        "aujourd'hui. À lancer une fois par jour."
    )

    def handle(self, *args, **options):
        count = refresh_open_ended_series()
        self.stdout.write(f"{count} série(s) sans fin prolongée(s).")
