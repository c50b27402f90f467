"""Test sends: the issue as it is now, to the editors' own mailboxes."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
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
    # One message per address, as each subscriber gets one: a To: line listing every tester
    # would show each of them the others' addresses, and is not what a subscriber receives.
    text, markup = substitute(rendered.text, values), substitute(rendered.html, values)
    messages = []
    for address in addresses:
        message = EmailMultiAlternatives(
            subject=f"[TEST] {rendered.subject}",
            body=text,
            from_email=settings.NEWSLETTER_FROM_EMAIL,
            to=[address],
        )
        message.attach_alternative(markup, "text/html")
        messages.append(message)
    with get_connection() as connection:
        connection.send_messages(messages)
