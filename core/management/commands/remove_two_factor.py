"""For a person who lost both their phone and their recovery codes: remove their two-factor
authentication, so that they sign in with their password and enrol a new application (required
accounts are sent to the enrolment page at once). Another superuser can do the same in the Django
admin (*OTP_TOTP > TOTP devices*); this command serves when no one else can sign in."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core.twofactor.devices import remove_two_factor


class Command(BaseCommand):
    help = "Retire la double authentification d'un compte (téléphone et codes de secours perdus)."

    def add_arguments(self, parser):
        parser.add_argument("username", help="Identifiant du compte.")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"Aucun compte « {username} ».") from error
        remove_two_factor(user)
        self.stdout.write(
            f"Double authentification retirée pour « {username} » : à la prochaine connexion, "
            "le compte configurera une nouvelle application."
        )
