"""The subscriber machinery other apps reuse: double opt-in through a real SMTP server, confirmation,
unsubscription, suppression, erasure."""

import re

from django.core import signing
from django.core.mail import EmailMessage

import pytest

from newsletter import subscriptions
from newsletter.factories import SubscriberFactory
from newsletter.models import (
    Consent,
    Purpose,
    Subscriber,
    Suppression,
    SuppressionReason,
    email_hash,
)

pytestmark = pytest.mark.django_db


def confirmation_link(message):
    text = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"https?://\S+/confirmation/\S+/", text).group(0)


def subscribe(email="Camille@Example.org", **kwargs):
    return subscriptions.subscribe(
        email,
        purpose=kwargs.pop("purpose", Purpose.NEWSLETTER),
        language="fr",
        consent_text="J'accepte de recevoir la lettre.",
        ip="203.0.113.9",
        **kwargs,
    )


def test_subscribe_sends_the_confirmation_email_through_smtp(audiences, smtp_settings):
    consent = subscribe(audiences=[audiences["public_buyer"]], organisation="Ville de Sète")

    assert len(smtp_settings.messages) == 1
    message = smtp_settings.messages[0]
    assert message["To"] == "camille@example.org"
    assert "Confirmez votre inscription" in message["Subject"]
    link = confirmation_link(message)
    assert link.startswith("http://testserver/lettre/confirmation/")
    assert subscriptions.consent_from_token(link.rstrip("/").rsplit("/", 1)[1]) == consent
    assert message.get_body(preferencelist=("html",)) is not None


def test_a_pending_consent_does_not_subscribe_until_confirmed(audiences, mailoutbox):
    consent = subscribe(audiences=[audiences["public_buyer"]])
    subscriber = consent.subscriber

    assert consent.state == Consent.State.PENDING
    assert consent.ip_address == "203.0.113.9"
    assert consent.wording == "J'accepte de recevoir la lettre."
    assert not subscriber.is_subscribed(Purpose.NEWSLETTER)
    assert list(subscriber.audiences.all()) == []


def test_confirm_activates_the_consent_and_applies_what_was_asked(audiences, mailoutbox):
    consent = subscribe(
        audiences=[audiences["public_buyer"], audiences["facilitator"]], territory="Lodévois"
    )

    subscriptions.confirm(subscriptions.confirmation_token(consent))

    subscriber = Subscriber.objects.get(email="camille@example.org")
    assert subscriber.is_subscribed(Purpose.NEWSLETTER)
    assert {a.key for a in subscriber.audiences.all()} == {"public_buyer", "facilitator"}
    assert subscriber.territory == "Lodévois"
    assert subscriber.confirmed_at is not None


def test_confirming_twice_keeps_one_active_consent(audiences, mailoutbox):
    consent = subscribe(audiences=[audiences["all"]])
    token = subscriptions.confirmation_token(consent)
    subscriptions.confirm(token)
    subscriptions.confirm(token)
    assert consent.subscriber.consents.filter(withdrawn_at=None).count() == 1


def test_a_second_subscription_replaces_the_first_once_confirmed(audiences, mailoutbox):
    first = subscribe(audiences=[audiences["public_buyer"]])
    subscriptions.confirm(subscriptions.confirmation_token(first))
    second = subscribe(audiences=[audiences["siae"]])

    subscriber = Subscriber.objects.get()
    assert {a.key for a in subscriber.audiences.all()} == {"public_buyer"}
    subscriptions.confirm(subscriptions.confirmation_token(second))
    assert {a.key for a in subscriber.audiences.all()} == {"siae"}
    assert subscriber.active_consent(Purpose.NEWSLETTER).pk == second.pk


def test_an_altered_or_expired_confirmation_token_is_refused(audiences, mailoutbox, settings):
    consent = subscribe(audiences=[audiences["public_buyer"]])
    token = subscriptions.confirmation_token(consent)
    with pytest.raises(subscriptions.InvalidToken):
        subscriptions.confirm(token[:-2] + ("aa" if token[-2:] != "aa" else "bb"))
    settings.NEWSLETTER_CONFIRMATION_MAX_AGE = -1
    with pytest.raises(subscriptions.InvalidToken):
        subscriptions.confirm(token)
    assert not consent.subscriber.is_subscribed(Purpose.NEWSLETTER)


def test_a_token_signed_for_another_purpose_is_refused(subscriber):
    forged = signing.dumps({"c": 1, "k": subscriber.key.hex}, salt="other.salt", compress=True)
    with pytest.raises(subscriptions.InvalidToken):
        subscriptions.confirm(forged)


def test_an_alert_consent_is_independent_of_the_newsletter(subscriber, mailoutbox):
    consent = subscribe("camille@example.org", purpose=Purpose.ALERT, search="clause insertion")
    subscriptions.confirm(subscriptions.confirmation_token(consent))

    subscriptions.unsubscribe(subscriber, purpose=Purpose.ALERT)

    assert subscriber.is_subscribed(Purpose.NEWSLETTER)
    assert not subscriber.is_subscribed(Purpose.ALERT)
    assert consent.subscriber.consents.get(purpose=Purpose.ALERT).details["search"] == (
        "clause insertion"
    )


def test_unsubscribe_withdraws_without_suppressing(subscriber):
    subscriptions.unsubscribe(subscriber, purpose=Purpose.NEWSLETTER)
    assert not subscriber.is_subscribed(Purpose.NEWSLETTER)
    assert not subscriptions.is_suppressed(subscriber.email)


def test_erase_deletes_the_person_and_keeps_only_a_hash_on_the_suppression_list(subscriber):
    subscriptions.erase(subscriber)

    assert not Subscriber.objects.exists()
    assert not Consent.objects.exists()
    suppression = Suppression.objects.get()
    assert suppression.email_hash == email_hash("camille@example.org")
    assert suppression.reason == SuppressionReason.ERASED
    assert "camille" not in str(suppression.__dict__)
    assert subscriptions.is_suppressed("  CAMILLE@example.org ")


def test_erase_voids_the_links_of_past_emails(subscriber):
    token = subscriptions.subscriber_token(subscriber)
    subscriptions.erase(subscriber)
    with pytest.raises(subscriptions.InvalidToken):
        subscriptions.subscriber_from_token(token)


def test_a_new_confirmed_opt_in_lifts_a_past_suppression(audiences, mailoutbox):
    subscriptions.suppress("camille@example.org", SuppressionReason.HARD_BOUNCE)
    consent = subscribe(audiences=[audiences["public_buyer"]])
    subscriptions.confirm(subscriptions.confirmation_token(consent))
    assert not subscriptions.is_suppressed("camille@example.org")


def test_list_unsubscribe_headers_follow_rfc_8058(subscriber):
    headers = subscriptions.list_unsubscribe_headers(subscriber)
    token = subscriptions.subscriber_token(subscriber)
    assert headers == {
        "List-Unsubscribe": f"<http://testserver/newsletter/one-click/{token}/>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    # The headers survive being put on a message.
    message = EmailMessage(to=["x@example.org"], headers=headers).message()
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_links_follow_the_subscriber_language(audiences):
    english = SubscriberFactory(email="alex@example.org", language="en")
    assert "/en/newsletter/preferences/" in subscriptions.preferences_url(english)
    assert "/en/newsletter/unsubscribe/" in subscriptions.unsubscribe_url(english)


def test_the_retention_command_purges_lapsed_data_only(audiences, subscriber, mailoutbox):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    old = timezone.now() - timedelta(days=4 * 365)
    # Left years ago: the consent proof and the person go, without suppression.
    gone = SubscriberFactory(email="parti-il-y-a-longtemps@example.org")
    gone.consents.update(withdrawn_at=old)
    # Never confirmed, asked 40 days ago.
    pending = subscribe("jamais-confirme@example.org", audiences=[audiences["public_buyer"]])
    Subscriber.objects.filter(pk=pending.subscriber.pk).update(
        created_at=timezone.now() - timedelta(days=40), confirmed_at=None
    )
    # Asked yesterday: kept.
    subscribe("hier@example.org", audiences=[audiences["public_buyer"]])

    call_command("purge_newsletter_data", verbosity=0)

    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "camille@example.org",
        "hier@example.org",
    }
    assert not Suppression.objects.exists()
    assert subscriber.is_subscribed()


def test_an_old_confirmation_link_does_not_resubscribe_after_an_unsubscription(
    audiences, mailoutbox
):
    consent = subscribe(audiences=[audiences["public_buyer"]])
    token = subscriptions.confirmation_token(consent)
    subscriptions.confirm(token)
    subscriber = consent.subscriber
    subscriptions.unsubscribe(subscriber, purpose=Purpose.NEWSLETTER)
    with pytest.raises(subscriptions.OutdatedConfirmation):
        subscriptions.confirm(token)
    assert not subscriber.is_subscribed()


def test_a_pending_link_does_not_resubscribe_after_an_unsubscription(audiences, mailoutbox):
    first = subscribe(audiences=[audiences["public_buyer"]])
    subscriptions.confirm(subscriptions.confirmation_token(first))
    pending = subscribe(audiences=[audiences["facilitator"]])
    subscriptions.unsubscribe(first.subscriber, purpose=Purpose.NEWSLETTER)
    with pytest.raises(subscriptions.OutdatedConfirmation):
        subscriptions.confirm(subscriptions.confirmation_token(pending))
    assert not first.subscriber.is_subscribed()


def test_a_link_sent_before_a_complaint_does_not_lift_the_suppression(audiences, mailoutbox):
    consent = subscribe(audiences=[audiences["public_buyer"]])
    subscriptions.suppress("camille@example.org", SuppressionReason.COMPLAINT)
    with pytest.raises(subscriptions.OutdatedConfirmation):
        subscriptions.confirm(subscriptions.confirmation_token(consent))
    assert subscriptions.is_suppressed("camille@example.org")
    assert not consent.subscriber.is_subscribed()
