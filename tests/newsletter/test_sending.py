"""Sending through anymail's test backend (one provider call per batch, merge data per recipient),
the SMTP fallback through a real SMTP server, the ledger's exactly-once rules, retries and pauses."""

from datetime import timedelta

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.utils import timezone

import pytest
import requests
from anymail.backends.test import EmailBackend as AnymailTestBackend
from anymail.exceptions import AnymailAPIError

from newsletter import sending, subscriptions
from newsletter.factories import (
    NewsletterIndexPageFactory,
    NewsletterPageFactory,
    SubscriberFactory,
)
from newsletter.models import CampaignSend, Delivery, Purpose, SuppressionReason
from newsletter.sending import control

pytestmark = pytest.mark.django_db

ANYMAIL_TEST_BACKEND = "anymail.backends.test.EmailBackend"


@pytest.fixture
def issue(home_page, content_page):
    index = NewsletterIndexPageFactory(parent=home_page)
    page = NewsletterPageFactory(parent=index, title="Lettre n° 12 — mars 2026")
    page.save_revision().publish()
    return page


@pytest.fixture
def provider(settings):
    settings.EMAIL_BACKEND = ANYMAIL_TEST_BACKEND
    settings.EMAIL_PROVIDER = "test"
    settings.NEWSLETTER_BATCH_SIZE = 2
    mail.outbox = []
    return mail.outbox


@pytest.fixture
def readers(audiences):
    """Five subscribers to buyers or all news, one to companies only, one unconfirmed."""
    buyers = [
        SubscriberFactory(email=f"acheteur{n}@example.org", audiences=[audiences["public_buyer"]])
        for n in range(4)
    ]
    everything = SubscriberFactory(
        email="tout@example.org", name="Lou Martin", audiences=[audiences["all"]]
    )
    SubscriberFactory(email="entreprise@example.org", audiences=[audiences["siae"]])
    SubscriberFactory(
        email="pending@example.org", audiences=[audiences["public_buyer"]], consent=False
    )
    return [*buyers, everything]


def send_to(issue, audiences, keys=("public_buyer",)):
    return control.create_send(issue, [audiences[k] for k in keys])


def api_error(status, reason):
    """What an anymail backend raises when the provider's API answers `status`."""
    response = requests.models.Response()
    response.status_code = status
    response.reason = reason
    response._content = b'{"message": "%s"}' % reason.encode()
    return AnymailAPIError(reason, status_code=status, response=response, esp_name="Brevo")


def recipients_of(outbox):
    return sorted(address for message in outbox for address in message.to)


def test_the_email_is_table_based_with_inline_styles_and_a_text_part(issue, content_page):
    from newsletter.rendering import render_campaign

    rendered = render_campaign(issue)
    assert rendered.subject == "Lettre n° 12 — mars 2026"
    assert '<table role="presentation"' in rendered.html
    assert "<style" not in rendered.html
    assert "{{preferences_url}}" in rendered.html and "{{unsubscribe_url}}" in rendered.html
    # The digest pulls the latest content page, with an absolute link.
    assert f'href="{content_page.full_url}"' in rendered.html
    assert content_page.full_url.startswith("http")
    assert "Les marchés réservés" in rendered.text
    assert "<" not in rendered.text.replace("<http", "")
    assert "{{unsubscribe_url}}" in rendered.text


def test_a_campaign_goes_out_in_batches_with_merge_data_per_recipient(
    issue, audiences, readers, provider
):
    send = send_to(issue, audiences)
    assert sending.run_send(send.pk) == "done"

    assert [len(m.to) for m in provider] == [2, 2, 1]
    assert recipients_of(provider) == sorted(r.email for r in readers)
    params = provider[0].anymail_test_params
    first = provider[0].to[0]
    subscriber = next(r for r in readers if r.email == first)
    assert params["is_batch_send"]
    assert params["merge_data"][first]["unsubscribe_url"] == subscriptions.unsubscribe_url(
        subscriber
    )
    assert params["merge_data"][first]["preferences_url"] == subscriptions.preferences_url(
        subscriber
    )
    headers = params["merge_headers"][first]
    assert headers["List-Unsubscribe"] == (
        f"<{subscriptions.one_click_unsubscribe_url(subscriber)}>"
    )
    delivery = Delivery.objects.get(subscriber=subscriber)
    assert headers["Message-ID"] == delivery.message_id_header
    assert headers["Message-ID"].startswith(f"<newsletter.{send.pk}.{delivery.pk}.")
    assert headers["Message-ID"].endswith("@clausesociale34.fr>")
    assert provider[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Rendered once: every batch carries the same body, placeholders included.
    assert len({m.alternatives[0][0] for m in provider}) == 1
    lou = next(m for m in provider if "tout@example.org" in m.to)
    assert lou.anymail_test_params["merge_data"]["tout@example.org"]["salutation"] == (
        "Bonjour Lou Martin,"
    )

    send.refresh_from_db()
    assert send.status == CampaignSend.Status.DONE
    assert send.report()["sent"] == 5
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}
    assert all(Delivery.objects.values_list("provider_message_id", flat=True))


def test_running_a_finished_send_again_sends_nothing(issue, audiences, readers, provider):
    send = send_to(issue, audiences)
    sending.run_send(send.pk)
    count = len(provider)
    assert sending.run_send(send.pk) == CampaignSend.Status.DONE
    call_command("send_newsletters", verbosity=0)
    assert len(provider) == count


def test_suppressed_and_unsubscribed_addresses_are_left_out(issue, audiences, readers, provider):
    subscriptions.suppress(readers[0].email, SuppressionReason.COMPLAINT)
    send = send_to(issue, audiences)
    sending.start_send(send.pk)
    # Unsubscribed after the ledger was made, before its batch left.
    subscriptions.unsubscribe(readers[1], Purpose.NEWSLETTER)
    sending.run_send(send.pk)

    assert readers[0].email not in recipients_of(provider)
    assert readers[1].email not in recipients_of(provider)
    assert send.report()["suppressed"] == 2
    assert send.report()["sent"] == 3


def test_an_erased_subscriber_is_skipped_and_the_report_keeps_counting(
    issue, audiences, readers, provider
):
    send = send_to(issue, audiences)
    sending.start_send(send.pk)
    subscriptions.erase(readers[2])
    sending.run_send(send.pk)
    assert readers[2].email not in recipients_of(provider)
    assert send.report()["recipients"] == 5
    assert send.report()["sent"] == 4


def test_a_rate_limit_puts_the_batch_back_and_the_send_resumes_later(
    issue, audiences, readers, provider, monkeypatch
):
    calls = {"n": 0}
    original = AnymailTestBackend.post_to_esp

    def flaky(self, payload, message):
        calls["n"] += 1
        if calls["n"] == 2:
            raise api_error(429, "Too many requests")
        return original(self, payload, message)

    monkeypatch.setattr(AnymailTestBackend, "post_to_esp", flaky)
    send = send_to(issue, audiences)
    assert sending.run_send(send.pk) == "waiting"
    send.refresh_from_db()
    assert send.retries == 1
    assert send.next_attempt_at > timezone.now()
    assert "Too many requests" in send.last_error
    assert send.deliveries.filter(status=Delivery.Status.SENT).count() == 2
    assert send.deliveries.filter(status=Delivery.Status.SENDING).count() == 0

    # Not before its time...
    assert sending.run_send(send.pk) == "waiting"
    CampaignSend.objects.filter(pk=send.pk).update(next_attempt_at=timezone.now())
    assert sending.run_send(send.pk) == "done"
    sent = recipients_of(m for m in provider if hasattr(m, "anymail_status"))
    assert len(sent) == len(set(sent))
    assert send.report()["sent"] == 5


def test_a_server_error_is_retried_with_exponential_backoff(
    issue, audiences, readers, provider, monkeypatch
):
    def down(self, payload, message):
        raise api_error(503, "Service unavailable")

    monkeypatch.setattr(AnymailTestBackend, "post_to_esp", down)
    send = send_to(issue, audiences)
    delays = []
    for _ in range(3):
        CampaignSend.objects.filter(pk=send.pk).update(next_attempt_at=None)
        before = timezone.now()
        assert sending.run_send(send.pk) == "waiting"
        send.refresh_from_db()
        delays.append((send.next_attempt_at - before).total_seconds())
    assert delays[0] < delays[1] < delays[2]
    assert send.deliveries.filter(status=Delivery.Status.PENDING).count() == 5


def test_a_permanent_error_is_recorded_per_recipient(
    issue, audiences, readers, provider, monkeypatch
):
    def refuse(self, payload, message):
        raise api_error(400, "Invalid sender domain")

    monkeypatch.setattr(AnymailTestBackend, "post_to_esp", refuse)
    send = send_to(issue, audiences)
    assert sending.run_send(send.pk) == "done"
    failed = send.deliveries.filter(status=Delivery.Status.FAILED)
    assert failed.count() == 5
    assert "Invalid sender domain" in failed.first().error


def test_bad_credentials_pause_the_send_without_losing_anyone(
    issue, audiences, readers, provider, monkeypatch
):
    def unauthorised(self, payload, message):
        raise api_error(401, "Key not found")

    monkeypatch.setattr(AnymailTestBackend, "post_to_esp", unauthorised)
    send = send_to(issue, audiences)
    assert sending.run_send(send.pk) == CampaignSend.Status.PAUSED
    assert send.deliveries.filter(status=Delivery.Status.PENDING).count() == 5


def test_a_paused_send_resumes_where_it_stopped(
    issue, audiences, readers, provider, django_capture_on_commit_callbacks
):
    send = send_to(issue, audiences)
    sending.run_send(send.pk, max_batches=1)
    control.pause_send(send)
    assert sending.run_send(send.pk) == CampaignSend.Status.PAUSED
    assert len(provider) == 1

    send.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        control.resume_send(send)
    send.refresh_from_db()
    assert send.status == CampaignSend.Status.DONE
    assert recipients_of(provider) == sorted(r.email for r in readers)


def test_a_lease_held_by_another_worker_is_not_taken_until_it_expires(
    issue, audiences, readers, provider
):
    send = send_to(issue, audiences)
    sending.start_send(send.pk)
    token, claimed = sending.claim_batch(send, 2, timezone.now())
    assert len(claimed) == 2
    # Another worker sends the rest but not the leased rows...
    assert sending.run_send(send.pk) == "in_flight"
    assert len(recipients_of(provider)) == 3
    # ...until the lease of the first, who died, expires.
    Delivery.objects.filter(claim_token=token).update(
        lease_until=timezone.now() - timedelta(seconds=1)
    )
    assert sending.run_send(send.pk) == "done"
    assert recipients_of(provider) == sorted(r.email for r in readers)


def test_two_claims_never_share_a_delivery(issue, audiences, readers):
    send = send_to(issue, audiences)
    sending.start_send(send.pk)
    now = timezone.now()
    _, first = sending.claim_batch(send, 3, now)
    _, second = sending.claim_batch(send, 3, now)
    assert len(first) == 3 and len(second) == 2
    assert not {d.pk for d in first} & {d.pk for d in second}


def test_a_scheduled_send_waits_for_its_time(
    issue, audiences, readers, provider, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send = control.create_send(
            issue, [audiences["public_buyer"]], scheduled_at=timezone.now() + timedelta(hours=2)
        )
    call_command("send_newsletters", verbosity=0)
    send.refresh_from_db()
    assert send.status == CampaignSend.Status.SCHEDULED
    assert provider == []

    CampaignSend.objects.filter(pk=send.pk).update(scheduled_at=timezone.now())
    call_command("send_newsletters", verbosity=0)
    send.refresh_from_db()
    assert send.status == CampaignSend.Status.DONE
    assert len(recipients_of(provider)) == 5


def test_a_send_now_runs_through_the_task_queue(
    issue, audiences, readers, provider, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send = control.create_send(issue, [audiences["public_buyer"]])
    send.refresh_from_db()
    assert send.status == CampaignSend.Status.DONE


def test_without_a_batch_api_each_message_goes_by_smtp_with_its_own_links(
    issue, audiences, readers, smtp_settings, settings
):
    settings.EMAIL_PROVIDER = "smtp"
    settings.NEWSLETTER_BATCH_SIZE = 3
    send = send_to(issue, audiences)
    assert sending.run_send(send.pk) == "done"

    messages = smtp_settings.messages
    assert sorted(m["To"] for m in messages) == sorted(r.email for r in readers)
    for message in messages:
        subscriber = next(r for r in readers if r.email == message["To"])
        html = message.get_body(preferencelist=("html",)).get_content()
        text = message.get_body(preferencelist=("plain",)).get_content()
        assert subscriptions.unsubscribe_url(subscriber) in html
        assert subscriptions.preferences_url(subscriber) in text
        assert "{{" not in html and "{{" not in text
        assert message["List-Unsubscribe"].strip() == (
            f"<{subscriptions.one_click_unsubscribe_url(subscriber)}>"
        )
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        delivery = Delivery.objects.get(subscriber=subscriber)
        assert message["Message-ID"] == delivery.message_id_header


def test_a_test_send_reaches_only_the_chosen_addresses(issue, provider):
    sending.send_test(issue, ["redaction@example.org"])
    assert len(provider) == 1
    assert provider[0].to == ["redaction@example.org"]
    assert provider[0].subject == "[TEST] Lettre n° 12 — mars 2026"
    assert "{{" not in provider[0].body


def test_message_ids_carry_a_part_keyed_with_the_secret_key(issue, audiences, readers, settings):
    send = send_to(issue, audiences)
    sending.start_send(send.pk)
    first, second = Delivery.objects.filter(send=send).order_by("pk")[:2]
    header = first.message_id_header
    keyed = header.split("@")[0].removeprefix(f"<newsletter.{send.pk}.{first.pk}.")
    assert len(keyed) >= 16
    assert keyed not in second.message_id_header
    settings.SECRET_KEY = "another-secret-key-" + "x" * 40
    assert first.message_id_header != header


def test_without_a_batch_api_the_providers_own_message_id_is_recorded(
    issue, audiences, readers, provider, settings
):
    """Amazon SES goes one message per recipient and reports events under its own message id."""
    settings.EMAIL_PROVIDER = "amazon_ses"
    send = send_to(issue, audiences)
    assert sending.run_send(send.pk) == "done"
    assert len(provider) == len(readers)
    for message in provider:
        delivery = Delivery.objects.get(send=send, subscriber__email=message.to[0])
        assert delivery.provider_message_id == str(message.anymail_status.message_id)
        assert delivery.provider_message_id != delivery.message_id_header.strip("<>")


DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
}


def test_a_send_whose_worker_died_is_resumed_by_the_queue_alone(
    issue, audiences, readers, provider, settings
):
    """db_worker alone: the task queues its own resumption before sending, so a worker killed with
    batches claimed leaves a task that takes them over once their lease has expired."""
    from django_tasks_db.models import DBTaskResult

    from newsletter.tasks import send_campaign

    settings.TASKS = DATABASE_TASKS
    settings.NEWSLETTER_SEND_LEASE_SECONDS = 600
    send = send_to(issue, audiences)
    sending.start_send(send.pk)
    # A worker claimed a batch, then was killed: its rows stay leased.
    _token, dead_batch = sending.claim_batch(send, 2, timezone.now())
    DBTaskResult.objects.all().delete()

    assert send_campaign.call(send.pk) == "in_flight"
    [resumption] = DBTaskResult.objects.filter(task_path="newsletter.tasks.send_campaign")
    assert resumption.status == "READY"
    assert resumption.run_after >= timezone.now() + timedelta(seconds=590)
    assert len(provider) == 2  # the other recipients' batches went out

    # The lease expires; the queued resumption takes the dead worker's batch over.
    Delivery.objects.filter(pk__in=[d.pk for d in dead_batch]).update(
        lease_until=timezone.now() - timedelta(seconds=1)
    )
    assert send_campaign.call(*resumption.args_kwargs["args"]) == "done"
    assert recipients_of(provider) == sorted(r.email for r in readers)
    assert send.deliveries.filter(status=Delivery.Status.SENT).count() == len(readers)

    # Once the send is done, a resumption does nothing and queues nothing more.
    DBTaskResult.objects.all().delete()
    assert send_campaign.call(send.pk) == "done"
    assert not DBTaskResult.objects.exists()
    assert len(provider) == 3


class LedgerSnapshotBackend(BaseEmailBackend):
    """Records, as each message is handed over, how many recipients the ledger already counts as
    sent: what a worker killed at that moment would leave behind."""

    snapshots = []

    def send_messages(self, messages):
        for _message in messages:
            self.snapshots.append(Delivery.objects.filter(status=Delivery.Status.SENT).count())
        return len(messages)


def test_one_by_one_each_outcome_is_written_as_its_message_is_handed_over(
    issue, audiences, readers, settings
):
    """A worker killed while handing over a batch re-sends at most the message in hand, not the
    messages of the batch handed over before it."""
    settings.EMAIL_BACKEND = "tests.newsletter.test_sending.LedgerSnapshotBackend"
    settings.EMAIL_PROVIDER = "smtp"
    settings.NEWSLETTER_BATCH_SIZE = 5
    LedgerSnapshotBackend.snapshots = []
    send = send_to(issue, audiences)
    assert sending.run_send(send.pk) == "done"
    assert LedgerSnapshotBackend.snapshots == [0, 1, 2, 3, 4]
