from django.core.management.base import BaseCommand

from members.meetings import send_follow_up_reminders


class Command(BaseCommand):
    help = "Envoie aux participants le rappel des relances d'acheteurs arrivées à échéance."

    def handle(self, *args, **options):
        sent = send_follow_up_reminders()
        self.stdout.write(f"{sent} rappel(s) envoyé(s).")
