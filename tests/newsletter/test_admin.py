"""The newsletter in the Wagtail admin: subscribers listed and exported, import page, sends created
from the admin with their report and controls, test send, email preview."""

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from newsletter.factories import (
    NewsletterIndexPageFactory,
    NewsletterPageFactory,
    SubscriberFactory,
)
from newsletter.models import CampaignSend, Subscriber, Suppression

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(home_page):
    index = NewsletterIndexPageFactory(parent=home_page)
    page = NewsletterPageFactory(parent=index, title="Lettre de mars")
    page.save_revision().publish()
    return page


def test_the_subscriber_list_exports_csv(admin_client, audiences):
    SubscriberFactory(email="liste@example.org", organisation="CCAS de Lunel")
    response = admin_client.get(reverse("newsletter_subscribers:index"))
    assert response.status_code == 200
    assert "liste@example.org" in response.content.decode()
    assert "Abonnement" in response.content.decode()
    export = admin_client.get(reverse("newsletter_subscribers:index") + "?export=csv")
    content = b"".join(export.streaming_content).decode()
    assert "liste@example.org" in content and "CCAS de Lunel" in content


def test_deleting_a_subscriber_in_the_admin_erases_and_suppresses(admin_client, audiences):
    subscriber = SubscriberFactory(email="effacer@example.org")
    response = admin_client.post(reverse("newsletter_subscribers:delete", args=[subscriber.pk]))
    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    assert Suppression.objects.get().reason == "erased"


def test_the_import_page_imports_a_file(admin_client, audiences):
    upload = SimpleUploadedFile("abonnes.csv", b"courriel\nimport@example.org\n", "text/csv")
    response = admin_client.post(
        reverse("newsletter_import"),
        {"file": upload, "basis": "Liste de la rencontre", "audiences": [audiences["all"].pk]},
    )
    assert response.status_code == 200
    assert "Import effectué." in response.content.decode()
    assert Subscriber.objects.get().is_subscribed()


def test_a_send_is_created_from_the_admin_after_its_confirmation_and_reported(
    admin_client, issue, audiences, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    mail.outbox = []
    SubscriberFactory(email="acheteuse@example.org", audiences=[audiences["public_buyer"]])
    data = {
        "page": issue.pk,
        "audiences": [audiences["public_buyer"].pk],
        "scheduled_at": "2020-01-01 10:00",
    }
    # The form's first post only asks for confirmation: nothing is created, nothing leaves.
    confirmation = admin_client.post(reverse("newsletter_sends:add"), data)
    assert confirmation.status_code == 200
    assert "partira tout de suite vers 1\xa0destinataire" in confirmation.content.decode()
    assert not CampaignSend.objects.exists() and mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("newsletter_sends:add"), {**data, "confirmed": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    send = CampaignSend.objects.get()
    assert send.status == CampaignSend.Status.DONE
    assert [m.to for m in mail.outbox] == [["acheteuse@example.org"]]
    report = admin_client.get(response["Location"])
    assert report.status_code == 200
    assert "Destinataires" in report.content.decode()


def test_the_send_form_counts_each_audience_after_suppressions(admin_client, issue, audiences):
    from newsletter.models import Suppression, email_hash

    SubscriberFactory(email="a1@example.org", audiences=[audiences["public_buyer"]])
    SubscriberFactory(email="a2@example.org", audiences=[audiences["public_buyer"]])
    SubscriberFactory(email="exclue@example.org", audiences=[audiences["public_buyer"]])
    SubscriberFactory(email="tout@example.org", audiences=[audiences["all"]])
    SubscriberFactory(
        email="sans-consentement@example.org", audiences=[audiences["public_buyer"]], consent=False
    )
    Suppression.objects.create(email_hash=email_hash("exclue@example.org"), reason="bounced")
    form = admin_client.get(reverse("newsletter_sends:add")).content.decode()
    # Two buyers plus the "all news" subscriber; the suppressed and the unconfirmed do not count.
    assert f"{audiences['public_buyer']} (3 destinataires)" in form
    assert f"{audiences['facilitator']} (1 destinataire)" in form
    confirmation = admin_client.post(
        reverse("newsletter_sends:add"),
        {
            "page": issue.pk,
            "audiences": [audiences["public_buyer"].pk, audiences["facilitator"].pk],
            "scheduled_at": "2099-01-01 10:00",
        },
    ).content.decode()
    assert "partira le jeudi 1er janvier 2099 à 10\xa0h vers 3\xa0destinataires" in confirmation
    assert "1\xa0abonné de ces publics ne recevra rien\xa0:" in confirmation
    assert "Confirmer et programmer l'envoi" in confirmation


def test_the_confirmation_goes_back_to_the_form_as_filled_in(admin_client, issue, audiences):
    response = admin_client.post(
        reverse("newsletter_sends:add"),
        {
            "page": issue.pk,
            "audiences": [audiences["public_buyer"].pk],
            "scheduled_at": "2099-01-01 10:00",
            "back": "1",
        },
    )
    assert response.status_code == 200
    assert response.context["form"]["audiences"].value() == [str(audiences["public_buyer"].pk)]
    assert not CampaignSend.objects.exists()


def test_a_scheduled_send_cancelled_from_its_report_never_leaves(
    admin_client, issue, audiences, settings, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    from newsletter.sending import run_send

    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    mail.outbox = []
    SubscriberFactory(email="acheteuse@example.org", audiences=[audiences["public_buyer"]])
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("newsletter_sends:add"),
            {
                "page": issue.pk,
                "audiences": [audiences["public_buyer"].pk],
                "scheduled_at": (timezone.localtime() + timedelta(hours=2)).strftime(
                    "%Y-%m-%d %H:%M"
                ),
                "confirmed": "1",
            },
        )
    send = CampaignSend.objects.get()
    assert send.status == CampaignSend.Status.SCHEDULED
    report = admin_client.get(reverse("newsletter_send_report", args=[send.pk])).content.decode()
    assert "Annuler l'envoi" in report
    admin_client.post(reverse("newsletter_send_report", args=[send.pk]), {"action": "cancel"})
    CampaignSend.objects.filter(pk=send.pk).update(scheduled_at=timezone.now())
    run_send(send.pk)
    send.refresh_from_db()
    assert send.status == CampaignSend.Status.CANCELLED
    assert mail.outbox == [] and not send.deliveries.exists()


def test_a_scheduled_send_can_be_paused_and_cancelled(admin_client, issue, audiences):
    from django.utils import timezone

    send = CampaignSend.objects.create(page=issue, scheduled_at=timezone.now())
    url = reverse("newsletter_send_report", args=[send.pk])
    admin_client.post(url, {"action": "pause"})
    send.refresh_from_db()
    assert send.status == CampaignSend.Status.PAUSED
    admin_client.post(url, {"action": "cancel"})
    send.refresh_from_db()
    assert send.status == CampaignSend.Status.CANCELLED


def test_a_test_send_goes_to_the_given_addresses_only(admin_client, issue):
    url = reverse("newsletter_test_send", args=[issue.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"addresses": "a@example.org, b@example.org"})
    assert response.status_code == 302
    # One message per address: a tester never sees the other testers' addresses.
    assert [m.to for m in mail.outbox] == [["a@example.org"], ["b@example.org"]]
    assert all(m.subject == "[TEST] Lettre de mars" and not m.cc for m in mail.outbox)
    bad = admin_client.post(url, {"addresses": "a@example.org, pas une adresse"})
    assert "n&#x27;est pas une adresse valide" in bad.content.decode()


def test_the_email_preview_mode_shows_the_email_with_sample_links(rf, issue):
    assert dict(issue.preview_modes).keys() == {"web", "email"}
    response = issue.serve_preview(rf.get("/"), "email")
    html = response.content.decode()
    assert '<table role="presentation"' in html
    assert "{{" not in html
    # Its own policy: the email's inline styles allowed, no script, sandboxed.
    policy = response["Content-Security-Policy"]
    assert "style-src 'unsafe-inline'" in policy and "sandbox" in policy
    assert "script-src" not in policy and "default-src 'none'" in policy


def test_the_email_preview_keeps_its_policy_through_the_middleware(rf, admin_user, issue):
    # Wagtail serves the preview through a fake request on the page's own path, run through the
    # middleware, where the site's policy (no inline style) would apply: the preview's own policy
    # must come out of it.
    request = rf.get(reverse("wagtailadmin_pages:preview_on_edit", args=[issue.pk]))
    request.user = admin_user
    response = issue.make_preview_request(request, "email")
    assert response.status_code == 200
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert "style-src 'self'" not in response["Content-Security-Policy"]


def test_the_archive_and_issue_pages_render(client, issue):
    index = issue.get_parent()
    response = client.get(index.url)
    assert response.status_code == 200
    assert "Lettre de mars" in response.content.decode()
    assert client.get(issue.url).status_code == 200


def test_deleting_an_issue_that_was_sent_is_refused_with_a_french_message(admin_client, issue):
    CampaignSend.objects.create(page=issue, subject=issue.title, status=CampaignSend.Status.DONE)
    url = reverse("wagtailadmin_pages:delete", args=[issue.pk])
    response = admin_client.post(url, follow=True)
    assert response.status_code == 200
    assert type(issue).objects.filter(pk=issue.pk).exists()
    messages = [str(message) for message in response.context["messages"]]
    assert any("a déjà été envoyée" in message for message in messages), messages


def test_bulk_deleting_the_newsletter_index_with_a_sent_issue_is_refused(admin_client, issue):
    CampaignSend.objects.create(page=issue, subject=issue.title, status=CampaignSend.Status.DONE)
    index = issue.get_parent()
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        + f"?id={index.pk}&next=/admin/pages/{index.get_parent().pk}/"
    )
    response = admin_client.post(url, follow=True)
    assert type(issue).objects.filter(pk=issue.pk).exists()
    messages = [str(message) for message in response.context["messages"]]
    assert any("Lettre de mars" in message for message in messages), messages


def test_an_issue_never_sent_can_still_be_deleted(admin_client, issue):
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[issue.pk]))
    assert response.status_code == 302
    assert not type(issue).objects.filter(pk=issue.pk).exists()
