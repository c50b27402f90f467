"""Sending a campaign exactly once per recipient, in batches, through any anymail provider.

1. `create_send` records a CampaignSend (now or scheduled) and queues `tasks.send_campaign`.
2. `start_send` renders the issue ONCE (with merge-field placeholders) and creates the ledger: one
   Delivery per recipient, in bulk, in the same transaction that moves the send to "sending".
3. `run_send` loops: claim a batch (rows pending, or "sending" with an expired lease) by writing a
   claim token and a lease in one transaction; hand the batch to the provider in ONE call (anymail's
   merge_data / merge_headers); record every recipient's outcome. Two workers never claim the same
   row (PostgreSQL: SELECT ... FOR UPDATE SKIP LOCKED, then a conditional UPDATE; SQLite serialises
   writers, and the loser of a race retries).
4. A worker killed between the provider's answer and the ledger's update leaves its batch "sending";
   once the lease expires another worker sends it again, with the same Message-ID per recipient
   (`Delivery.message_id_header`), which the README discusses.
5. A provider's 429 or 5xx puts the whole batch back and the send waits (exponential backoff) before
   resuming; a permanent error is recorded on each recipient it concerns.
"""

import logging
import smtplib
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import OperationalError, connection, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation

from anymail.backends.base import AnymailBaseBackend
from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused

from . import subscriptions
from .models import (
    AudienceKey,
    CampaignSend,
    Delivery,
    Purpose,
    Suppression,
    email_hash,
)
from .rendering import render_campaign, salutation, substitute

logger = logging.getLogger(__name__)

# anymail's Amazon SES backend only merges per recipient with a template stored at SES: send there
# one message per recipient, filled in here.
NO_BATCH_PROVIDERS = {"amazon_ses"}
MAX_RETRIES = 10
CREATE_CHUNK = 2000
LINK_SLOT = "__slot__"


class TransientProviderError(Exception):
    """The provider asked us to slow down or is down: try the same batch again later."""


class ProviderConfigurationError(Exception):
    """The provider refuses every message (credentials, sender): an editor must act."""


# --- Creating and starting a send -------------------------------------------------------------------


def create_send(page, audiences, *, scheduled_at=None, user=None):
    """Record a send of `page` to `audiences` (Audience instances), now or at `scheduled_at`."""
    send = CampaignSend.objects.create(
        page=page, scheduled_at=scheduled_at or timezone.now(), created_by=user
    )
    send.audiences.set(audiences)
    from .tasks import enqueue_send

    transaction.on_commit(lambda: enqueue_send(send.pk, run_after=send.scheduled_at))
    return send


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
    hashes = {email_hash(email): pk for pk, email in rows}
    suppressed = {
        hashes[h]
        for h in Suppression.objects.filter(email_hash__in=list(hashes)).values_list(
            "email_hash", flat=True
        )
    }
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


# --- Controlling a send -----------------------------------------------------------------------------


def pause_send(send):
    CampaignSend.objects.filter(
        pk=send.pk, status__in=[CampaignSend.Status.SENDING, CampaignSend.Status.SCHEDULED]
    ).update(status=CampaignSend.Status.PAUSED)


def resume_send(send):
    """Resume a paused send where it stopped (a paused send that never started starts now)."""
    from .tasks import enqueue_send

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


# --- The sending loop -------------------------------------------------------------------------------


def batch_size():
    return max(1, int(settings.NEWSLETTER_BATCH_SIZE))


def run_send(send_id, *, max_batches=None):
    """Send batches until the send is done, paused, waiting for the provider, or the remaining rows
    are leased by other workers. Returns what stopped it: "done", "waiting", "in_flight",
    "scheduled", or the send's status."""
    batches = 0
    while max_batches is None or batches < max_batches:
        send = CampaignSend.objects.get(pk=send_id)
        now = timezone.now()
        if send.status == CampaignSend.Status.SCHEDULED:
            if send.scheduled_at > now or not start_send(send_id):
                return "scheduled"
            continue
        if send.status != CampaignSend.Status.SENDING:
            return send.status
        if send.next_attempt_at and send.next_attempt_at > now:
            return "waiting"
        token, batch = claim_batch(send, batch_size(), now)
        if not batch:
            if send.deliveries.filter(
                status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING]
            ).exists():
                return "in_flight"
            CampaignSend.objects.filter(pk=send_id, status=CampaignSend.Status.SENDING).update(
                status=CampaignSend.Status.DONE, finished_at=timezone.now()
            )
            return "done"
        try:
            deliver_batch(send, token, batch)
        except TransientProviderError as error:
            _release(token)
            _back_off(send, error)
            return "waiting"
        except ProviderConfigurationError as error:
            _release(token)
            CampaignSend.objects.filter(pk=send_id).update(
                status=CampaignSend.Status.PAUSED, last_error=str(error)[:2000]
            )
            return CampaignSend.Status.PAUSED
        batches += 1
    return "batch_limit"


def claim_batch(send, size, now):
    """Lease up to `size` deliveries of `send` to this worker; returns (token, deliveries)."""
    token = uuid.uuid4().hex
    available = Q(status=Delivery.Status.PENDING) | Q(
        status=Delivery.Status.SENDING, lease_until__lt=now
    )
    lease_until = now + timedelta(seconds=settings.NEWSLETTER_SEND_LEASE_SECONDS)
    for attempt in range(50):
        try:
            with transaction.atomic():
                candidates = Delivery.objects.filter(send=send).filter(available).order_by("pk")
                if connection.features.has_select_for_update_skip_locked:
                    candidates = candidates.select_for_update(skip_locked=True)
                ids = list(candidates.values_list("pk", flat=True)[:size])
                if not ids:
                    return token, []
                # The condition is checked again by the UPDATE itself: a row another worker claimed
                # in the meantime is not taken twice, whatever the isolation level.
                Delivery.objects.filter(pk__in=ids).filter(available).update(
                    status=Delivery.Status.SENDING,
                    claim_token=token,
                    lease_until=lease_until,
                    attempts=F("attempts") + 1,
                )
            break
        except OperationalError:
            # SQLite: another worker holds the write lock ("database is locked"); try again.
            time.sleep(min(0.02 * (attempt + 1), 0.5))
    else:
        return token, []
    return token, list(
        Delivery.objects.filter(claim_token=token, status=Delivery.Status.SENDING)
        .select_related("subscriber")
        .order_by("pk")
    )


def _release(token):
    Delivery.objects.filter(claim_token=token, status=Delivery.Status.SENDING).update(
        status=Delivery.Status.PENDING, lease_until=None
    )


def _back_off(send, error):
    retries = send.retries + 1
    delay = min(30 * 2 ** (retries - 1), 3600)
    fields = {
        "retries": retries,
        "next_attempt_at": timezone.now() + timedelta(seconds=delay),
        "last_error": str(error)[:2000],
    }
    if retries > MAX_RETRIES:
        fields["status"] = CampaignSend.Status.PAUSED
    CampaignSend.objects.filter(pk=send.pk).update(**fields)
    logger.warning("send %s: provider unavailable (%s), retry in %s s", send.pk, error, delay)


def _save_outcomes(deliveries):
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


# --- Handing a batch to the provider ----------------------------------------------------------------


class LinkTemplates:
    """The per-recipient links, from one reverse() per language and a signed token each."""

    def __init__(self):
        self._cache = {}

    def __call__(self, name, language, token):
        key = (name, language)
        if key not in self._cache:
            with translation.override(language):
                path = reverse(name, kwargs={"token": LINK_SLOT})
            self._cache[key] = subscriptions.absolute_url(path)
        return self._cache[key].replace(LINK_SLOT, token)


def recipient_values(subscriber, links):
    token = subscriptions.subscriber_token(subscriber)
    language = subscriber.language
    return {
        "salutation": salutation(subscriber.name),
        "preferences_url": links("newsletter:preferences", language, token),
        "unsubscribe_url": links("newsletter:unsubscribe", language, token),
        "one_click_url": links("newsletter_one_click", language, token),
    }


def still_allowed(batch):
    """The batch's deliveries whose subscriber is still subscribed and not suppressed now (a bounce,
    a complaint or an unsubscription may have arrived since the send started)."""
    subscriber_ids = [d.subscriber_id for d in batch if d.subscriber_id]
    subscribed = set(
        subscriptions.subscribed(Purpose.NEWSLETTER)
        .filter(pk__in=subscriber_ids)
        .values_list("pk", flat=True)
    )
    hashes = {email_hash(d.subscriber.email): d for d in batch if d.subscriber_id in subscribed}
    suppressed = set(
        Suppression.objects.filter(email_hash__in=list(hashes)).values_list("email_hash", flat=True)
    )
    return [d for h, d in hashes.items() if h not in suppressed]


def deliver_batch(send, token, batch):
    allowed = still_allowed(batch)
    allowed_ids = {d.pk for d in allowed}
    skipped = [d for d in batch if d.pk not in allowed_ids]
    for delivery in skipped:
        delivery.status = Delivery.Status.SUPPRESSED
        delivery.lease_until = None
    if skipped:
        _save_outcomes(skipped)
    if not allowed:
        return
    backend = get_connection()
    batch_api = (
        isinstance(backend, AnymailBaseBackend)
        and settings.EMAIL_PROVIDER not in NO_BATCH_PROVIDERS
    )
    # The greeting is in the language of the issue, like the rest of the message.
    with translation.override(send.language):
        if batch_api:
            _deliver_with_merge_data(send, allowed, backend)
        else:
            _deliver_one_by_one(send, allowed, backend)


def _deliver_with_merge_data(send, batch, backend):
    """One provider API call for the whole batch: the provider fills the placeholders in."""
    links = LinkTemplates()
    merge_data, merge_headers, by_email = {}, {}, {}
    for delivery in batch:
        email = delivery.subscriber.email
        values = recipient_values(delivery.subscriber, links)
        merge_headers[email] = {
            "List-Unsubscribe": f"<{values.pop('one_click_url')}>",
            "Message-ID": delivery.message_id_header,
        }
        merge_data[email] = values
        by_email[email] = delivery
    message = EmailMultiAlternatives(
        subject=send.subject,
        body=send.text,
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=list(by_email),
        connection=backend,
        headers={"List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(send.html, "text/html")
    message.merge_data = merge_data
    message.merge_global_data = {}
    message.merge_headers = merge_headers
    message.tags = ["newsletter"]
    message.metadata = {"campaign_send": str(send.pk)}
    try:
        message.send()
    except AnymailRecipientsRefused as error:
        _record_failures(batch, str(error))
        return
    except AnymailAPIError as error:
        status = getattr(error, "status_code", None)
        if status is None or status == 429 or status >= 500:
            raise TransientProviderError(str(error)) from error
        if status in (401, 403):
            raise ProviderConfigurationError(str(error)) from error
        _record_failures(batch, str(error))
        return
    now = timezone.now()
    statuses = message.anymail_status.recipients
    for email, delivery in by_email.items():
        status = statuses.get(email)
        delivery.lease_until = None
        if status is not None and status.status in ("rejected", "invalid", "failed"):
            delivery.status = Delivery.Status.FAILED
            delivery.error = status.status
        else:
            delivery.status = Delivery.Status.SENT
            delivery.sent_at = now
            delivery.provider_message_id = str(status.message_id) if status else ""
    _save_outcomes(batch)


def _record_failures(batch, error):
    for delivery in batch:
        delivery.status = Delivery.Status.FAILED
        delivery.error = error[:2000]
        delivery.lease_until = None
    _save_outcomes(batch)


def _deliver_one_by_one(send, batch, backend):
    """Backends without a batch API (SMTP, console, Amazon SES): one message per recipient, the
    placeholders filled in by string replacement over the rendering made at the start."""
    links = LinkTemplates()
    done = []
    try:
        backend.open()
        for delivery in batch:
            values = recipient_values(delivery.subscriber, links)
            one_click = values.pop("one_click_url")
            message = EmailMultiAlternatives(
                subject=send.subject,
                body=substitute(send.text, values),
                from_email=settings.NEWSLETTER_FROM_EMAIL,
                to=[delivery.subscriber.email],
                connection=backend,
                headers={
                    "List-Unsubscribe": f"<{one_click}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                    "Message-ID": delivery.message_id_header,
                },
            )
            message.attach_alternative(substitute(send.html, values), "text/html")
            delivery.lease_until = None
            try:
                message.send()
            except smtplib.SMTPRecipientsRefused as error:
                delivery.status = Delivery.Status.FAILED
                delivery.error = str(error)[:2000]
            except (smtplib.SMTPException, OSError, AnymailAPIError) as error:
                raise TransientProviderError(str(error)) from error
            else:
                delivery.status = Delivery.Status.SENT
                delivery.sent_at = timezone.now()
                delivery.provider_message_id = delivery.message_id_header.strip("<>")
            done.append(delivery)
    finally:
        # Whatever left before an error is recorded; the rest goes back with the batch.
        if done:
            _save_outcomes(done)
        backend.close()


# --- Test sends ---------------------------------------------------------------------------------------


def send_test(page, addresses):
    """Send the issue as it is now to `addresses` (editors checking it in their own mailbox)."""
    rendered = render_campaign(page)
    values = {
        "salutation": salutation(""),
        "preferences_url": subscriptions.absolute_url(reverse("newsletter:subscribe")),
        "unsubscribe_url": subscriptions.absolute_url(reverse("newsletter:subscribe")),
    }
    message = EmailMultiAlternatives(
        subject=f"[TEST] {rendered.subject}",
        body=substitute(rendered.text, values),
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=list(addresses),
    )
    message.attach_alternative(substitute(rendered.html, values), "text/html")
    message.send()
