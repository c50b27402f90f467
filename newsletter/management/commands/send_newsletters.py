"""Start the scheduled sends that are due and carry on the ones in progress. Run it every minute
from cron or a systemd timer (README, "Newsletter"); it is safe to run several at once."""

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from newsletter.models import CampaignSend
from newsletter.sending import run_send


class Command(BaseCommand):
    help = "Envoie les lettres programmées arrivées à échéance et poursuit les envois en cours."

    def add_arguments(self, parser):
        parser.add_argument("--send", type=int, help="Ne traiter que cet envoi (identifiant).")

    def handle(self, *args, send=None, **options):
        now = timezone.now()
        sends = CampaignSend.objects.filter(
            Q(status=CampaignSend.Status.SCHEDULED, scheduled_at__lte=now)
            | Q(status=CampaignSend.Status.SENDING)
        )
        if send is not None:
            sends = CampaignSend.objects.filter(pk=send)
        for pk in list(sends.order_by("scheduled_at").values_list("pk", flat=True)):
            outcome = run_send(pk)
            if options["verbosity"]:
                self.stdout.write(f"envoi {pk} : {outcome}")
