from django.conf import settings
from django.core.management.base import BaseCommand

from events.reminders import erase_past_registrations


class Command(BaseCommand):
    help = (
        "Efface les inscriptions des événements terminés depuis plus de "
        "EVENTS_REGISTRATION_RETENTION_MONTHS mois. À lancer une fois par jour."
    )

    def handle(self, *args, **options):
        erased = erase_past_registrations()
        months = settings.EVENTS_REGISTRATION_RETENTION_MONTHS
        self.stdout.write(
            f"{erased} inscription(s) effacée(s) (événements terminés depuis plus de {months} mois)."
        )
