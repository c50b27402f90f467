"""A batch in one provider API call: anymail's merge_data and merge_headers."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused

from ..models import Delivery
from .errors import ProviderConfigurationError, TransientProviderError
from .ledger import save_outcomes
from .personalisation import LinkTemplates, recipient_values


def deliver_with_merge_data(send, batch, backend):
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
    save_outcomes(batch)


def _record_failures(batch, error):
    for delivery in batch:
        delivery.status = Delivery.Status.FAILED
        delivery.error = error[:2000]
        delivery.lease_until = None
    save_outcomes(batch)
