"""The ledger of a send: one Delivery per recipient, created when the send starts, and each
recipient's outcome written back after its batch."""

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from .. import subscriptions
from ..models import AudienceKey, CampaignSend, Delivery, Purpose, Suppression, normalise_email
from ..rendering import render_campaign

CREATE_CHUNK = 2000


def recipients(audiences):
    """Subscribers with a confirmed newsletter consent in one of `audiences`, or in "all news"."""
    return (
        subscriptions.subscribed(Purpose.NEWSLETTER)
        .filter(Q(audiences__in=list(audiences)) | Q(audiences__key=AudienceKey.ALL_NEWS))
        .distinct()
    )


def start_send(send_id):
    """Render the issue and create the ledger; False when the send is not due or already started."""
    with transaction.atomic():
        send = CampaignSend.objects.select_for_update().get(pk=send_id)
        if send.status != CampaignSend.Status.SCHEDULED or send.scheduled_at > timezone.now():
            return False
        page = send.page.specific
        rendered = render_campaign(page)
        send.subject, send.html, send.text = rendered.subject, rendered.html, rendered.text
        send.language = page.locale.language_code
        send.status = CampaignSend.Status.SENDING
        send.started_at = timezone.now()
        send.save()
        rows = recipients(send.audiences.all()).values_list("pk", "email")
        chunk = []
        for row in rows.iterator(chunk_size=CREATE_CHUNK):
            chunk.append(row)
            if len(chunk) >= CREATE_CHUNK:
                _create_deliveries(send, chunk)
                chunk = []
        _create_deliveries(send, chunk)
    return True


def _create_deliveries(send, rows):
    if not rows:
        return
    blocked = Suppression.objects.suppressed(email for _, email in rows)
    suppressed = {pk for pk, email in rows if normalise_email(email) in blocked}
    Delivery.objects.bulk_create(
        [
            Delivery(
                send=send,
                subscriber_id=pk,
                status=Delivery.Status.SUPPRESSED if pk in suppressed else Delivery.Status.PENDING,
            )
            for pk, _email in rows
        ],
        ignore_conflicts=True,
    )


def save_outcomes(deliveries):
    """Write each delivery's outcome: one statement run over the batch (Django's bulk_update
    builds a CASE per field and row, which costs more than the provider call)."""
    table = connection.ops.quote_name(Delivery._meta.db_table)
    # The table name is the model's own, quoted; every value is a parameter.
    sql = (
        f"UPDATE {table} SET status = %s, provider_message_id = %s, error = %s, sent_at = %s, "  # noqa: S608
        "lease_until = NULL WHERE id = %s"
    )
    field = Delivery._meta.get_field("sent_at")
    rows = [
        (
            d.status,
            d.provider_message_id,
            d.error,
            field.get_db_prep_value(d.sent_at, connection),
            d.pk,
        )
        for d in deliveries
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(sql, rows)
