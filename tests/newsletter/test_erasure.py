"""Erasure erases: deleting a subscriber (the admin's delete button, `subscriptions.erase`) removes
the address from the admin's history, the contact form's submissions, the database task queue and the
`file` email backend's messages; the suppression list keeps only a keyed hash."""

import hashlib
from datetime import timedelta

from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import ModelLogEntry

import pytest

from home.tasks import send_contact_email
from newsletter import subscriptions
from newsletter.factories import SubscriberFactory
from newsletter.models import Subscriber, Suppression, email_hash

pytestmark = pytest.mark.django_db

ADDRESS = "effacer@example.org"
DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
}


def test_the_suppression_hash_is_keyed_not_a_bare_sha256(settings):
    assert email_hash(ADDRESS) != hashlib.sha256(ADDRESS.encode()).hexdigest()
    before = email_hash(ADDRESS)
    settings.NEWSLETTER_SUPPRESSION_KEY = "another-key-for-the-suppression-list"
    assert email_hash(ADDRESS) != before
    assert email_hash(" Effacer@Example.org ") == email_hash(ADDRESS)


def test_an_admin_deletion_leaves_no_address_in_the_admins_history(
    admin_client, audiences, django_capture_on_commit_callbacks
):
    subscriber = SubscriberFactory(email=ADDRESS)
    admin_client.post(
        reverse("newsletter_subscribers:edit", args=[subscriber.pk]),
        {"email": ADDRESS, "name": "Camille", "language": "fr", "audiences": []},
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("newsletter_subscribers:delete", args=[subscriber.pk]))
    assert response.status_code == 302
    entries = ModelLogEntry.objects.filter(object_id=str(subscriber.pk))
    assert {e.action for e in entries} >= {"wagtail.delete"}
    for entry in entries:
        assert ADDRESS not in entry.label and ADDRESS not in str(entry.data)
        assert entry.label == "Abonné effacé"


def test_erasure_deletes_the_persons_contact_messages(contact_page, audiences):
    subscriber = SubscriberFactory(email=ADDRESS)
    mine = FormSubmission.objects.create(
        page=contact_page, form_data={"nom": "Camille", "courriel": "Effacer@example.org"}
    )
    other = FormSubmission.objects.create(
        page=contact_page, form_data={"nom": "Lou", "courriel": "lou@example.org"}
    )
    subscriptions.erase(subscriber)
    assert not FormSubmission.objects.filter(pk=mine.pk).exists()
    assert FormSubmission.objects.filter(pk=other.pk).exists()


def enqueue_contact_email(reply_to):
    return send_contact_email.enqueue(
        subject="Message",
        body=f"De : {reply_to}",
        from_email="site@example.org",
        to=["equipe@example.org"],
        reply_to=[reply_to],
    )


@override_settings(TASKS=DATABASE_TASKS)
def test_erasure_deletes_the_task_rows_that_carry_the_address(audiences):
    from django_tasks_db.models import DBTaskResult

    subscriber = SubscriberFactory(email=ADDRESS)
    mine = enqueue_contact_email(ADDRESS)
    other = enqueue_contact_email("lou@example.org")
    subscriptions.erase(subscriber)
    assert not DBTaskResult.objects.filter(pk=mine.id).exists()
    assert DBTaskResult.objects.filter(pk=other.id).exists()


@override_settings(TASKS=DATABASE_TASKS)
def test_finished_task_rows_are_purged_after_their_retention(audiences):
    from django_tasks_db.models import DBTaskResult

    old = enqueue_contact_email("lou@example.org")
    recent = enqueue_contact_email("sam@example.org")
    DBTaskResult.objects.filter(pk=old.id).update(
        status="SUCCESSFUL", finished_at=timezone.now() - timedelta(days=8)
    )
    DBTaskResult.objects.filter(pk=recent.id).update(
        status="SUCCESSFUL", finished_at=timezone.now() - timedelta(days=1)
    )
    call_command("purge_newsletter_data", verbosity=0)
    assert not DBTaskResult.objects.filter(pk=old.id).exists()
    assert DBTaskResult.objects.filter(pk=recent.id).exists()


def test_erasure_deletes_the_file_backends_messages(audiences, settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path
    (tmp_path / "20260312-1.log").write_bytes(b"To: Effacer@Example.org\n\nBonjour")
    (tmp_path / "20260312-2.log").write_bytes(b"To: lou@example.org\n\nBonjour")
    subscriptions.erase(SubscriberFactory(email=ADDRESS))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["20260312-2.log"]


def test_erasure_still_suppresses_the_address(audiences):
    subscriptions.erase(SubscriberFactory(email=ADDRESS))
    assert not Subscriber.objects.exists()
    assert subscriptions.is_suppressed(ADDRESS)
    assert ADDRESS not in str(list(Suppression.objects.values()))


def test_a_row_left_with_the_old_bare_hash_still_suppresses_and_is_rekeyed_on_sight():
    # Erased before the hashes were keyed: only the bare SHA-256 is left, and no address to re-key.
    Suppression.objects.create(
        email_hash=hashlib.sha256(ADDRESS.encode()).hexdigest(), reason="erased"
    )
    assert subscriptions.is_suppressed(" Effacer@Example.org ")
    assert list(Suppression.objects.values_list("email_hash", flat=True)) == [email_hash(ADDRESS)]
    assert subscriptions.is_suppressed(ADDRESS)


def test_the_bulk_lookup_of_sends_and_imports_matches_both_hashes():
    bare, keyed = "ancien@example.org", "nouveau@example.org"
    Suppression.objects.create(
        email_hash=hashlib.sha256(bare.encode()).hexdigest(), reason="erased"
    )
    Suppression.objects.create(email_hash=email_hash(keyed), reason="complained")
    # The old row of an address suppressed again since: the keyed row stays, the old one goes.
    Suppression.objects.create(
        email_hash=hashlib.sha256(keyed.encode()).hexdigest(), reason="erased"
    )
    found = Suppression.objects.suppressed([bare, keyed.upper(), "libre@example.org"])
    assert found == {bare, keyed}
    assert set(Suppression.objects.values_list("email_hash", flat=True)) == {
        email_hash(bare),
        email_hash(keyed),
    }
