"""anymail's tracking webhooks (Brevo and Mailjet payloads) update the ledger; a hard bounce or a
complaint suppresses the address; forged and malformed posts answer 400 and change nothing."""

import base64
import json

from django.utils import timezone

import pytest

from newsletter import subscriptions
from newsletter.factories import (
    NewsletterIndexPageFactory,
    NewsletterPageFactory,
    SubscriberFactory,
)
from newsletter.models import CampaignSend, Delivery, Suppression

pytestmark = pytest.mark.django_db

SECRET = "mics34:webhook-secret-for-tests"
BREVO_URL = "/anymail/brevo/tracking/"
MAILJET_URL = "/anymail/mailjet/tracking/"


@pytest.fixture(autouse=True)
def webhook_secret(settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET}


@pytest.fixture
def delivery(home_page, audiences):
    index = NewsletterIndexPageFactory(parent=home_page)
    page = NewsletterPageFactory(parent=index)
    send = CampaignSend.objects.create(page=page, status=CampaignSend.Status.DONE)
    subscriber = SubscriberFactory(email="sandrine@example.org", audiences=[audiences["buyers"]])
    return Delivery.objects.create(
        send=send,
        subscriber=subscriber,
        status=Delivery.Status.SENT,
        sent_at=timezone.now(),
        provider_message_id="<202603121000.12345@smtp-relay.mailin.fr>",
    )


def auth(credentials=SECRET):
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(credentials.encode()).decode()}


def brevo_event(event, message_id="<202603121000.12345@smtp-relay.mailin.fr>"):
    return {
        "event": event,
        "email": "sandrine@example.org",
        "id": 123456,
        "date": "2026-03-12 11:00:00",
        "ts_epoch": 1773309600000,
        "message-id": message_id,
        "subject": "Lettre n° 12",
        "tags": ["newsletter"],
    }


def post(client, url, payload, **extra):
    body = payload if isinstance(payload, str) else json.dumps(payload)
    return client.post(url, body, content_type="application/json", **extra)


def test_delivered_opened_and_clicked_are_recorded(client, delivery):
    for event in ("delivered", "unique_opened", "click"):
        assert post(client, BREVO_URL, brevo_event(event), **auth()).status_code == 200
    delivery.refresh_from_db()
    assert delivery.delivered_at and delivery.opened_at and delivery.clicked_at
    report = delivery.send.report()
    assert (report["delivered"], report["opened"], report["clicked"]) == (1, 1, 1)
    assert not Suppression.objects.exists()


def test_a_hard_bounce_suppresses_the_address_for_every_future_send(client, delivery):
    assert post(client, BREVO_URL, brevo_event("hard_bounce"), **auth()).status_code == 200
    delivery.refresh_from_db()
    assert delivery.bounced_at is not None
    assert subscriptions.is_suppressed("sandrine@example.org")
    assert not delivery.subscriber.is_subscribed()
    assert delivery.send.report()["bounced"] == 1


def test_a_soft_bounce_does_not_suppress(client, delivery):
    assert post(client, BREVO_URL, brevo_event("soft_bounce"), **auth()).status_code == 200
    assert not subscriptions.is_suppressed("sandrine@example.org")
    assert delivery.subscriber.is_subscribed()


def test_a_complaint_suppresses_the_address(client, delivery):
    assert post(client, BREVO_URL, brevo_event("spam"), **auth()).status_code == 200
    delivery.refresh_from_db()
    assert delivery.complained_at is not None
    assert Suppression.objects.get().reason == "complained"


def test_a_provider_unsubscribe_withdraws_the_newsletter_consent(client, delivery):
    assert post(client, BREVO_URL, brevo_event("unsubscribe"), **auth()).status_code == 200
    delivery.refresh_from_db()
    assert delivery.unsubscribed_at is not None
    assert not delivery.subscriber.is_subscribed()
    assert not subscriptions.is_suppressed("sandrine@example.org")


def test_events_about_other_messages_change_nothing(client, delivery):
    response = post(client, BREVO_URL, brevo_event("hard_bounce", "<other@x>"), **auth())
    assert response.status_code == 200
    assert not Suppression.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {},
        auth("mics34:wrong-password"),
        {"HTTP_AUTHORIZATION": "Basic !!!not-base64"},
        {"HTTP_AUTHORIZATION": "Bearer " + SECRET},
    ],
    ids=["no-credentials", "wrong-password", "garbled", "wrong-scheme"],
)
def test_a_forged_webhook_is_refused_and_changes_nothing(client, delivery, headers):
    response = post(client, BREVO_URL, brevo_event("hard_bounce"), **headers)
    assert response.status_code in (400, 403)
    delivery.refresh_from_db()
    assert delivery.bounced_at is None
    assert not Suppression.objects.exists()


@pytest.mark.parametrize(
    "body",
    ['{"event": "hard_bounce", ', "not json at all", "\udcff", '{"event": "delivered"} trailing'],
    ids=["truncated", "text", "undecodable", "trailing"],
)
def test_a_malformed_webhook_answers_400_and_changes_nothing(client, delivery, body):
    data = body.encode("utf-8", "surrogateescape") if body == "\udcff" else body
    response = client.post(BREVO_URL, data, content_type="application/json", **auth())
    assert response.status_code == 400
    delivery.refresh_from_db()
    assert delivery.delivered_at is None and delivery.bounced_at is None


def mailjet_event(event, **fields):
    return {
        "event": event,
        "time": 1773309600,
        "MessageID": 19421777835146490,
        "email": "sandrine@example.org",
        "mj_campaign_id": 0,
        "mj_contact_id": 0,
        "customcampaign": "",
        "CustomID": "",
        "Payload": "",
        **fields,
    }


def test_mailjet_batches_of_events_are_applied(client, delivery):
    Delivery.objects.filter(pk=delivery.pk).update(provider_message_id="19421777835146490")
    payload = [
        mailjet_event("open", ip="192.0.2.1", geo="FR", agent="Mozilla"),
        mailjet_event(
            "bounce",
            blocked=False,
            hard_bounce=True,
            error_related_to="recipient",
            error="user unknown",
        ),
    ]
    assert post(client, MAILJET_URL, payload, **auth()).status_code == 200
    delivery.refresh_from_db()
    assert delivery.opened_at and delivery.bounced_at
    assert subscriptions.is_suppressed("sandrine@example.org")


def test_a_mailjet_batch_with_one_bad_event_is_refused_whole(client, delivery):
    Delivery.objects.filter(pk=delivery.pk).update(provider_message_id="19421777835146490")
    payload = [mailjet_event("open"), {"event": "bounce", "time": "not-a-time"}]
    response = post(client, MAILJET_URL, payload, **auth())
    assert response.status_code == 400
    delivery.refresh_from_db()
    assert delivery.opened_at is None
