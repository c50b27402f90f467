"""Email alerts on a search of the watch (core.alerts): double opt-in through the newsletter's
machinery, digests of the new notices the search finds with one-click unsubscribe headers, nothing
before confirming or after unsubscribing, bad input refused in French."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from core.alerts import alert_sources
from newsletter import subscriptions
from newsletter.models import Purpose
from tenders.factories import NoticeFactory
from tenders.models import Notice, WatchAlert

pytestmark = pytest.mark.django_db


@pytest.fixture
def alert_url(watch_page):
    return watch_page.url + "alerte/"


def subscribe(client, alert_url, search="type=TRAVAUX&social=oui", **extra):
    data = {"email": "entreprise@example.org", "frequency": "daily", "search": search, **extra}
    return client.post(alert_url, data)


def confirmed_alert(client, alert_url, **extra):
    subscribe(client, alert_url, **extra)
    alert = WatchAlert.objects.get()
    subscriptions.confirm(subscriptions.confirmation_token(alert.consent))
    WatchAlert.objects.filter(pk=alert.pk).update(
        last_sent_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    mail.outbox.clear()
    return alert


def test_the_watch_registers_its_alert_source():
    assert WatchAlert in [source.model for source in alert_sources()]


def test_the_watch_page_links_to_an_alert_on_its_search(client, watch_page):
    html = client.get(watch_page.url + "?type=TRAVAUX").content.decode()
    assert f'href="{watch_page.url}alerte/?type=TRAVAUX"' in html


def test_the_alert_form_describes_the_current_search(client, alert_url):
    response = client.get(alert_url, {"q": "voirie", "type": "TRAVAUX", "reserve": "oui"})
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "«\u00a0voirie\u00a0»\u00a0; Type de marché\u00a0: Travaux\u00a0; Marché réservé\u00a0: oui"
        in html
    )


def test_subscribing_records_a_pending_alert_and_sends_a_confirmation(client, alert_url):
    response = subscribe(client, alert_url)
    assert response.status_code == 200
    alert = WatchAlert.objects.get()
    assert alert.querystring == "type=TRAVAUX&social=oui"
    assert alert.consent.purpose == Purpose.ALERT
    assert alert.consent.confirmed_at is None
    assert len(mail.outbox) == 1
    assert "Type de marché" in mail.outbox[0].body


def test_an_invalid_address_gives_a_french_error_and_records_nothing(client, alert_url):
    response = subscribe(client, alert_url, email="pas-une-adresse")
    assert response.status_code == 400
    assert "n'est pas valide" in response.content.decode().replace("&#x27;", "'")
    assert not WatchAlert.objects.exists()


def test_the_honeypot_refuses_a_robot(client, alert_url):
    response = subscribe(client, alert_url, website="http://spam.example")
    assert response.status_code == 400
    assert not WatchAlert.objects.exists()


def test_an_unknown_filter_in_the_saved_search_is_dropped(client, alert_url):
    subscribe(client, alert_url, search="type=NAVIRES&social=oui")
    assert WatchAlert.objects.get().querystring == "social=oui"


def test_a_confirmed_alert_receives_the_new_matching_notices_only(client, alert_url):
    NoticeFactory(
        title="Ancien chantier avec clause", contract_kind="TRAVAUX", has_social_consideration=True
    )
    Notice.objects.update(imported_at=timezone.now() - datetime.timedelta(days=2))
    confirmed_alert(client, alert_url)
    NoticeFactory(
        idweb="26-70001",
        title="Réfection de la voirie avec clause d'insertion",
        contract_kind="TRAVAUX",
        has_social_consideration=True,
        analysis={
            "reasons": [
                {
                    "kind": "condition-execution",
                    "label": "Clause sociale d'exécution",
                    "reason": "x",
                }
            ]
        },
    )
    NoticeFactory(title="Voirie sans clause", contract_kind="TRAVAUX")
    NoticeFactory(
        title="Nettoyage avec clause", contract_kind="SERVICES", has_social_consideration=True
    )
    call_command("send_search_alerts", "--frequency", "daily")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "1 nouvel(s) avis de marché" in message.subject
    assert "Réfection de la voirie avec clause d'insertion" in message.body
    assert "Clause sociale d'exécution" in message.body
    assert "/avis/26-70001/" in message.body
    assert "Voirie sans clause" not in message.body
    assert "Nettoyage avec clause" not in message.body
    assert "Ancien chantier" not in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    mail.outbox.clear()
    call_command("send_search_alerts", "--frequency", "daily")
    assert mail.outbox == []


def test_an_alert_with_words_finds_the_new_notices_that_match_them(client, alert_url):
    confirmed_alert(client, alert_url, search="q=voirie")
    NoticeFactory(title="Réfection de la voirie communale")
    NoticeFactory(title="Entretien des espaces verts")
    call_command("send_search_alerts", "--frequency", "daily")
    assert len(mail.outbox) == 1
    assert "Réfection de la voirie communale" in mail.outbox[0].body
    assert "espaces verts" not in mail.outbox[0].body


def test_unconfirmed_or_unsubscribed_alerts_send_nothing(client, alert_url):
    subscribe(client, alert_url)
    alert = WatchAlert.objects.get()
    WatchAlert.objects.filter(pk=alert.pk).update(
        last_sent_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    NoticeFactory(contract_kind="TRAVAUX", has_social_consideration=True)
    mail.outbox.clear()
    call_command("send_search_alerts", "--frequency", "daily")
    assert mail.outbox == []  # not confirmed
    subscriptions.confirm(subscriptions.confirmation_token(alert.consent))
    subscriptions.unsubscribe(alert.consent.subscriber, Purpose.ALERT)
    call_command("send_search_alerts", "--frequency", "daily")
    assert mail.outbox == []
