"""Background tasks of the newsletter (django-tasks: inline by default, `db_worker` in production)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from django_tasks import task

from .models import CampaignSend
from .sending.loop import run_send


@task(queue_name="email")
def send_campaign(send_id):
    """Start the send if it is due and send it to the end; when the provider asks to wait, queue
    itself again for later (backends that cannot defer leave it to `manage.py send_newsletters`).

    Crash safety with `db_worker` alone: before sending, the task queues a resumption of itself for
    when its leases would have expired. A worker killed mid-send leaves its task RUNNING for ever in
    django-tasks' database backend, but that resumption runs on another worker (or the restarted
    one), takes the dead worker's batches once their lease has expired, and queues the next one; a
    resumption that finds the send finished, paused or cancelled does nothing. Two resumptions alive
    at once only share the remaining batches: the ledger's claims keep each recipient to one."""
    if CampaignSend.objects.filter(
        pk=send_id, status__in=[CampaignSend.Status.SCHEDULED, CampaignSend.Status.SENDING]
    ).exists():
        enqueue_send(send_id, run_after=lease_expiry())
    outcome = run_send(send_id)
    if outcome == "waiting":
        next_attempt = CampaignSend.objects.values_list("next_attempt_at", flat=True).get(
            pk=send_id
        )
        enqueue_send(send_id, run_after=next_attempt)
    return outcome


def lease_expiry():
    """When batches claimed now can be taken over: the lease, and a few seconds."""
    return timezone.now() + timedelta(seconds=settings.NEWSLETTER_SEND_LEASE_SECONDS + 5)


def enqueue_send(send_id, run_after=None):
    """Queue `send_campaign` now, or at `run_after` when the tasks backend can defer."""
    if run_after is not None and run_after <= timezone.now():
        run_after = None
    if run_after is None:
        return send_campaign.enqueue(send_id)
    if send_campaign.get_backend().supports_defer:
        return send_campaign.using(run_after=run_after).enqueue(send_id)
    return None
