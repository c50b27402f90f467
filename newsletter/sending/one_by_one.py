"""The fallback for backends without a batch API (SMTP, console, Amazon SES)."""

import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from anymail.exceptions import AnymailAPIError

from ..models import Delivery
from ..rendering import substitute
from .errors import TransientProviderError
from .ledger import save_outcomes
from .personalisation import LinkTemplates, recipient_values


def deliver_one_by_one(send, batch, backend):
    """Backends without a batch API (SMTP, console, Amazon SES): one message per recipient, the
    placeholders filled in by string replacement over the rendering made at the start."""
    links = LinkTemplates()
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
                delivery.provider_message_id = provider_message_id(message, delivery)
            # Written as soon as the message is handed over: a worker killed now re-sends at most
            # this one message once its lease expires, not the whole batch.
            save_outcomes([delivery])
    finally:
        backend.close()


def provider_message_id(message, delivery):
    """The id the provider's webhooks will name this message by: an anymail backend's own id (Amazon
    SES replaces the Message-ID with its own), the Message-ID header otherwise (SMTP)."""
    status = getattr(message, "anymail_status", None)
    if status is not None and status.message_id is not None:
        return str(status.message_id)
    return delivery.message_id_header.strip("<>")
