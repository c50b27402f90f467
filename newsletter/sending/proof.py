"""Test sends: the issue as it is now, to the editors' own mailboxes."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse

from .. import subscriptions
from ..rendering import render_campaign, salutation, substitute


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
