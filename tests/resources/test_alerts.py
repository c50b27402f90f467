"""Search alerts: double opt-in through the newsletter's machinery, digests of new matching
resources with one-click unsubscribe headers, nothing after unsubscribing or for suppressed addresses."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from core.alerts import send_alert
from newsletter import subscriptions
from newsletter.models import Purpose, SuppressionReason
from resources.models import SearchAlert

from .conftest import make_resource


@pytest.fixture
def alert_url(hub):
    return hub.url + "alerte/"


def subscribe(client, alert_url, search="q=insertion&theme=clause-insertion", **extra):
    data = {"email": "acheteuse@example.org", "frequency": "daily", "search": search, **extra}
    return client.post(alert_url, data)


def test_alert_form_describes_the_current_search(client, resources, alert_url):
    response = client.get(alert_url, {"q": "insertion", "theme": "clause-insertion"})
    assert response.status_code == 200
    assert "« insertion » ; Thème : Clause d&#x27;insertion" in response.content.decode()


def test_subscribing_sends_a_confirmation_and_records_a_pending_alert(client, resources, alert_url):
    response = subscribe(client, alert_url)
    assert response.status_code == 200
    alert = SearchAlert.objects.get()
    assert alert.querystring == "q=insertion&theme=clause-insertion"
    assert alert.consent.purpose == Purpose.ALERT
    assert alert.consent.confirmed_at is None
    assert len(mail.outbox) == 1


def test_the_alert_confirmation_email_names_the_search_it_confirms(client, resources, alert_url):
    subscribe(client, alert_url)
    message = mail.outbox[0]
    assert "Recherche suivie\u00a0:" in message.body
    assert "insertion" in message.body and "Thème" in message.body
    assert "Clause d'insertion" in message.body
    html = message.alternatives[0][0]
    assert "Recherche suivie\u00a0: <strong>" in html and "Clause d&#x27;insertion" in html


def test_invalid_address_gives_a_french_error_and_records_nothing(client, resources, alert_url):
    response = subscribe(client, alert_url, email="pas-une-adresse")
    assert response.status_code == 400
    assert "n'est pas valide" in response.content.decode().replace("&#x27;", "'")
    assert not SearchAlert.objects.exists()


def test_confirmed_alert_receives_new_matching_resources_only(
    client, hub, resources, alert_url, taxonomy
):
    subscribe(client, alert_url)
    alert = SearchAlert.objects.get()
    subscriptions.confirm(subscriptions.confirmation_token(alert.consent))
    SearchAlert.objects.filter(pk=alert.pk).update(
        last_sent_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    make_resource(
        hub,
        "Nouvelle note sur la clause d'insertion",
        "Les heures d'insertion en 2026.",
        "Texte.",
        datetime.date(2026, 11, 1),
        themes=[taxonomy.insertion],
    )
    make_resource(
        hub,
        "Nouvelle note sans rapport",
        "Un autre sujet.",
        "Texte.",
        datetime.date(2026, 11, 2),
        themes=[taxonomy.reserved],
    )
    mail.outbox.clear()
    call_command("send_search_alerts", "--frequency", "daily")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Nouvelle note sur la clause d'insertion" in message.body
    assert "Nouvelle note sans rapport" not in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    mail.outbox.clear()
    call_command("send_search_alerts", "--frequency", "daily")
    assert mail.outbox == []


def test_unconfirmed_unsubscribed_or_suppressed_alerts_send_nothing(
    client, hub, resources, alert_url, taxonomy
):
    subscribe(client, alert_url)
    alert = SearchAlert.objects.get()
    SearchAlert.objects.filter(pk=alert.pk).update(
        last_sent_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    make_resource(
        hub,
        "Note insertion",
        "Insertion.",
        "Texte.",
        datetime.date(2026, 11, 1),
        themes=[taxonomy.insertion],
    )
    mail.outbox.clear()
    call_command("send_search_alerts", "--frequency", "daily")
    assert mail.outbox == []  # not confirmed
    subscriptions.confirm(subscriptions.confirmation_token(alert.consent))
    subscriptions.suppress("acheteuse@example.org", SuppressionReason.COMPLAINT)
    alert.refresh_from_db()
    assert send_alert(alert) == 0
    subscriptions.confirm(subscriptions.confirmation_token(alert.consent))
    subscriptions.unsubscribe(alert.consent.subscriber, Purpose.ALERT)
    call_command("send_search_alerts", "--frequency", "daily")
    assert mail.outbox == []
