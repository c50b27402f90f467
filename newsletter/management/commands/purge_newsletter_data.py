"""Apply the retention periods of the subscriber data (README, "Newsletter"): run it daily.

- a consent withdrawn more than three years ago is deleted (its proof is no longer needed);
- a subscriber left with no consent, or who never confirmed any within 30 days, is deleted (without
  suppression: they never received anything, or may come back);
- finished rows of the database task queue (TASKS_BACKEND=database) older than seven days are deleted:
  their arguments hold addresses and messages (the contact form's email)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from newsletter.erasure import TASK_RESULT_RETENTION_DAYS
from newsletter.models import Consent, Subscriber

CONSENT_PROOF_RETENTION = timedelta(days=3 * 365)
UNCONFIRMED_RETENTION = timedelta(days=30)


class Command(BaseCommand):
    help = "Supprime les consentements et abonnés dont la durée de conservation est écoulée."

    def handle(self, *args, **options):
        now = timezone.now()
        with transaction.atomic():
            consents, _ = Consent.objects.filter(
                withdrawn_at__lt=now - CONSENT_PROOF_RETENTION
            ).delete()
            stale = Subscriber.objects.filter(
                Q(consents__isnull=True)
                | Q(confirmed_at__isnull=True, created_at__lt=now - UNCONFIRMED_RETENTION)
            ).exclude(consents__confirmed_at__isnull=False, consents__withdrawn_at=None)
            count = 0
            for subscriber in Subscriber.objects.filter(
                pk__in=list(stale.values_list("pk", flat=True))
            ):
                # Not an erasure: no suppression for people who never were, or no longer are,
                # subscribers (see signals.keep_suppression_on_erasure).
                subscriber.purged_by_retention = True
                subscriber.delete()
                count += 1
        tasks = 0
        if "django_tasks_db" in settings.INSTALLED_APPS:
            from django_tasks.base import TaskResultStatus
            from django_tasks_db.models import DBTaskResult

            tasks, _ = DBTaskResult.objects.filter(
                status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
                finished_at__lt=now - timedelta(days=TASK_RESULT_RETENTION_DAYS),
            ).delete()
        if options["verbosity"]:
            self.stdout.write(
                f"{consents} consentements, {count} abonnés et {tasks} tâches terminées supprimés."
            )
