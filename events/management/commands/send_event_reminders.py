from django.core.management.base import BaseCommand

from events.reminders import expire_offers, send_reminders


class Command(BaseCommand):
    help = (
        "Envoie les rappels des événements (la veille ; une heure avant pour ceux en ligne) et "
        "passe à la personne suivante les places proposées et non confirmées à temps. À lancer "
        "toutes les 10 minutes."
    )

    def handle(self, *args, **options):
        expired = expire_offers()
        sent = send_reminders()
        self.stdout.write(f"{sent} rappel(s) envoyé(s), {expired} proposition(s) expirée(s).")
