from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from members.accounts import erase_member


class Command(BaseCommand):
    help = (
        "Efface les données personnelles d'un membre du réseau (profil, invitations, groupes du "
        "réseau ; le compte lui-même s'il n'est pas aussi celui d'un rédacteur)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="Identifiant ou adresse électronique du membre.")

    def handle(self, *args, **options):
        User = get_user_model()
        typed = options["username"].strip()
        found = list(User.objects.filter(username=typed)) or list(
            User.objects.filter(email__iexact=typed)
        )
        if len(found) != 1:
            raise CommandError(f"Aucun compte unique ne correspond à « {typed} ».")
        erase_member(found[0])
        self.stdout.write(f"Données du membre « {typed} » effacées.")
