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
    subscriber = SubscriberFactory(
        email="sandrine@example.org", audiences=[audiences["public_buyer"]]
    )
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


# Unauthenticated webhooks, and only the configured provider's URL


POSTMARK_URL = "/anymail/postmark/tracking/"
SES_URL = "/anymail/amazon_ses/tracking/"
SENDGRID_URL = "/anymail/sendgrid/tracking/"
MAILGUN_URL = "/anymail/mailgun/tracking/"


def postmark_bounce(bounce_type, message_id="pm-0001"):
    return {
        "RecordType": "Bounce",
        "Type": bounce_type,
        "TypeCode": 1,
        "ID": 42,
        "MessageID": message_id,
        "Email": "sandrine@example.org",
        "BouncedAt": "2026-03-12T10:00:00Z",
        "Description": "",
        "Details": "",
        "Tag": "newsletter",
        "Metadata": {},
    }


def test_without_a_webhook_secret_a_forged_bounce_is_refused(client, delivery, settings):
    settings.ANYMAIL = {}
    Delivery.objects.filter(pk=delivery.pk).update(provider_message_id="pm-0001")
    response = post(client, POSTMARK_URL, postmark_bounce("HardBounce"))
    assert response.status_code == 400
    delivery.refresh_from_db()
    assert delivery.bounced_at is None
    assert not Suppression.objects.exists()
    assert delivery.subscriber.is_subscribed()


def test_mailgun_without_its_signing_key_answers_400_not_500(client, delivery):
    response = client.post(MAILGUN_URL, {"event": "failed"}, **auth())
    assert response.status_code == 400


def test_only_the_configured_providers_tracking_url_is_mounted():
    from newsletter.webhooks import webhook_urlpatterns

    patterns = webhook_urlpatterns(["brevo"])
    assert [str(p.pattern) for p in patterns] == ["brevo/tracking/"]
    assert webhook_urlpatterns([]) == []


@pytest.mark.parametrize(
    "url", ["/anymail/sparkpost/tracking/", "/anymail/brevo/inbound/", "/anymail/postmark/inbound/"]
)
def test_other_providers_and_inbound_urls_are_not_mounted(client, url):
    assert post(client, url, {"event": "hard_bounce"}, **auth()).status_code == 404


# Malformed bodies from outsiders: 4xx, never 5xx


def sns_headers(message_type="Notification", message_id="sns-1", credentials=SECRET):
    return {
        "HTTP_X_AMZ_SNS_MESSAGE_TYPE": message_type,
        "HTTP_X_AMZ_SNS_MESSAGE_ID": message_id,
        **auth(credentials),
    }


@pytest.mark.parametrize("credentials", [SECRET, "mics34:wrong-password"], ids=["right", "wrong"])
@pytest.mark.parametrize(
    "body",
    [
        "",
        "not json",
        '{"Type": "Notification", ',
        "null",
        "[]",
        '["Notification"]',
        '{"Type": "Bogus", "MessageId": "sns-1"}',
        '{"Type": "Notification", "MessageId": "sns-1", "Message": "not json"}',
        '{"Type": "Notification", "MessageId": "sns-1", "Message": "[1, 2]"}',
    ],
    ids=[
        "empty",
        "text",
        "truncated",
        "null",
        "list",
        "list-of-str",
        "unknown-type",
        "bad-message",
        "list-message",
    ],
)
def test_amazon_ses_answers_4xx_to_malformed_notifications(client, delivery, body, credentials):
    message_type = "Bogus" if "Bogus" in body else "Notification"
    response = client.post(
        SES_URL,
        body,
        content_type="application/json",
        **sns_headers(message_type, credentials=credentials),
    )
    assert 400 <= response.status_code < 500
    assert not Suppression.objects.exists()


@pytest.mark.parametrize(
    ("url", "body"),
    [
        (BREVO_URL, "[]"),
        (BREVO_URL, '[{"event": "hard_bounce"}]'),
        (BREVO_URL, "null"),
        (BREVO_URL, '"hard_bounce"'),
        (MAILJET_URL, "[1, 2]"),
        (MAILJET_URL, "null"),
        (POSTMARK_URL, "[]"),
        (POSTMARK_URL, '{"RecordType": "Bounce", "Type": "HardBounce", "BouncedAt": 5}'),
        (SENDGRID_URL, "[1]"),
        (SENDGRID_URL, '[{"event": "bounce", "timestamp": "soon"}]'),
    ],
)
def test_a_json_body_of_the_wrong_shape_answers_400(client, delivery, url, body):
    response = client.post(url, body, content_type="application/json", **auth())
    assert response.status_code == 400
    delivery.refresh_from_db()
    assert delivery.bounced_at is None
    assert not Suppression.objects.exists()


# Hard and soft bounces of each provider


def ses_notification(bounce_type, message_id="0100018e-ses-id"):
    ses_event = {
        "eventType": "Bounce",
        "mail": {
            "timestamp": "2026-03-12T10:00:00.000Z",
            "messageId": message_id,
            "destination": ["sandrine@example.org"],
            "headers": [],
        },
        "bounce": {
            "bounceType": bounce_type,
            "bounceSubType": "General",
            "bouncedRecipients": [{"emailAddress": "sandrine@example.org"}],
            "timestamp": "2026-03-12T10:00:01.000Z",
        },
    }
    return {
        "Type": "Notification",
        "MessageId": "sns-1",
        "TopicArn": "arn:aws:sns:eu-west-3:123456789012:mics34",
        "Message": json.dumps(ses_event),
        "Timestamp": "2026-03-12T10:00:02.000Z",
    }


def sendgrid_bounce(kind, message_id="sg-0001"):
    return [
        {
            "email": "sandrine@example.org",
            "event": "bounce",
            "type": kind,
            "timestamp": 1773309600,
            "smtp-id": message_id,
            "reason": "550 5.1.1 user unknown" if kind == "bounce" else "421 try later",
            "status": "5.1.1" if kind == "bounce" else "4.0.0",
        }
    ]


def post_bounce(client, provider, hard):
    if provider == "amazon_ses":
        body = ses_notification("Permanent" if hard else "Transient")
        return post(client, SES_URL, body, **sns_headers())
    if provider == "postmark":
        return post(
            client, POSTMARK_URL, postmark_bounce("HardBounce" if hard else "SoftBounce"), **auth()
        )
    if provider == "sendgrid":
        return post(
            client, SENDGRID_URL, sendgrid_bounce("bounce" if hard else "blocked"), **auth()
        )
    return post(client, BREVO_URL, brevo_event("hard_bounce" if hard else "soft_bounce"), **auth())


PROVIDER_MESSAGE_IDS = {
    "amazon_ses": "0100018e-ses-id",
    "postmark": "pm-0001",
    "sendgrid": "sg-0001",
    "brevo": "<202603121000.12345@smtp-relay.mailin.fr>",
}


@pytest.mark.parametrize("provider", list(PROVIDER_MESSAGE_IDS))
def test_a_soft_bounce_is_counted_and_does_not_suppress(client, delivery, provider):
    Delivery.objects.filter(pk=delivery.pk).update(
        provider_message_id=PROVIDER_MESSAGE_IDS[provider]
    )
    assert post_bounce(client, provider, hard=False).status_code == 200
    delivery.refresh_from_db()
    assert not subscriptions.is_suppressed("sandrine@example.org")
    assert delivery.subscriber.is_subscribed()
    assert delivery.bounced_at is None
    assert delivery.soft_bounced_at is not None
    assert delivery.send.report()["soft_bounced"] == 1


@pytest.mark.parametrize("provider", list(PROVIDER_MESSAGE_IDS))
def test_a_hard_bounce_of_each_provider_suppresses(client, delivery, provider):
    Delivery.objects.filter(pk=delivery.pk).update(
        provider_message_id=PROVIDER_MESSAGE_IDS[provider]
    )
    assert post_bounce(client, provider, hard=True).status_code == 200
    delivery.refresh_from_db()
    assert delivery.bounced_at is not None
    assert Suppression.objects.get().reason == "bounced"


def test_soft_bounces_on_consecutive_sends_suppress_the_address(client, delivery, settings):
    settings.NEWSLETTER_SOFT_BOUNCE_LIMIT = 3
    subscriber, page = delivery.subscriber, delivery.send.page
    for n in range(3):
        send = CampaignSend.objects.create(page=page, status=CampaignSend.Status.DONE)
        Delivery.objects.create(
            send=send,
            subscriber=subscriber,
            status=Delivery.Status.SENT,
            sent_at=timezone.now(),
            provider_message_id=f"<soft-{n}@smtp-relay.mailin.fr>",
        )
        response = post(
            client,
            BREVO_URL,
            brevo_event("soft_bounce", f"<soft-{n}@smtp-relay.mailin.fr>"),
            **auth(),
        )
        assert response.status_code == 200
        # The first send of the fixture did not bounce: only the last three count.
        assert subscriptions.is_suppressed(subscriber.email) == (n == 2)
    assert Suppression.objects.get().reason == "soft_bounces"
    assert not subscriber.is_subscribed()


def test_a_delivered_send_between_soft_bounces_keeps_the_address(client, delivery, settings):
    settings.NEWSLETTER_SOFT_BOUNCE_LIMIT = 2
    subscriber, page = delivery.subscriber, delivery.send.page
    Delivery.objects.filter(pk=delivery.pk).update(soft_bounced_at=timezone.now())
    send = CampaignSend.objects.create(page=page, status=CampaignSend.Status.DONE)
    Delivery.objects.create(
        send=send, subscriber=subscriber, status=Delivery.Status.SENT, provider_message_id="<ok@x>"
    )
    send = CampaignSend.objects.create(page=page, status=CampaignSend.Status.DONE)
    Delivery.objects.create(
        send=send, subscriber=subscriber, status=Delivery.Status.SENT, provider_message_id="<s@x>"
    )
    assert post(client, BREVO_URL, brevo_event("soft_bounce", "<s@x>"), **auth()).status_code == 200
    assert not subscriptions.is_suppressed(subscriber.email)
