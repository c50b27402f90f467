"""Creating a send and controlling it from the admin: pause, resume, cancel."""

from django.db import transaction
from django.utils import timezone

from ..models import CampaignSend
from ..tasks import enqueue_send


def create_send(page, audiences, *, scheduled_at=None, user=None):
    """Record a send of `page` to `audiences` (Audience instances), now or at `scheduled_at`."""
    send = CampaignSend.objects.create(
        page=page, scheduled_at=scheduled_at or timezone.now(), created_by=user
    )
    send.audiences.set(audiences)
    transaction.on_commit(lambda: enqueue_send(send.pk, run_after=send.scheduled_at))
    return send


def pause_send(send):
    CampaignSend.objects.filter(
        pk=send.pk, status__in=[CampaignSend.Status.SENDING, CampaignSend.Status.SCHEDULED]
    ).update(status=CampaignSend.Status.PAUSED)


def resume_send(send):
    """Resume a paused send where it stopped (a paused send that never started starts now)."""
    started = send.started_at is not None
    new_status = CampaignSend.Status.SENDING if started else CampaignSend.Status.SCHEDULED
    CampaignSend.objects.filter(pk=send.pk, status=CampaignSend.Status.PAUSED).update(
        status=new_status, next_attempt_at=None, retries=0
    )
    transaction.on_commit(lambda: enqueue_send(send.pk))


def cancel_send(send):
    CampaignSend.objects.filter(
        pk=send.pk,
        status__in=[
            CampaignSend.Status.SCHEDULED,
            CampaignSend.Status.SENDING,
            CampaignSend.Status.PAUSED,
        ],
    ).update(status=CampaignSend.Status.CANCELLED, finished_at=timezone.now())
