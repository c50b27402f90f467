"""The public pages: subscribe form (honeypot, rate limit, French messages), confirmation,
preferences, unsubscribe (GET shows, POST acts) and the RFC 8058 one-click endpoint."""

import pytest

from newsletter import subscriptions
from newsletter.models import Consent, Purpose, Subscriber

pytestmark = pytest.mark.django_db

SUBSCRIBE_URL = "/lettre/inscription/"


def form_data(audience_set, **overrides):
    data = {
        "email": "dominique@example.org",
        "audiences": [audience_set["public_buyer"].pk],
        "name": "Dominique Roux",
        "organisation": "Hérault Habitat",
        "territory": "",
        "website": "",
    }
    data.update(overrides)
    return data


def test_subscribe_page_shows_the_form_and_the_consent_wording(client, home_page, audiences):
    response = client.get(SUBSCRIBE_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Acheteur public" in html
    assert "Entreprise adaptée ou ESAT" in html
    assert "Toute l&#x27;actualité" in html
    assert "Je peux me désinscrire à tout moment" in html


def test_subscribing_records_a_pending_consent_and_sends_the_email(
    client, home_page, audiences, mailoutbox
):
    response = client.post(SUBSCRIBE_URL, form_data(audiences), REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302
    assert response["Location"] == "/lettre/inscription/verifiez-vos-courriels/"
    consent = Consent.objects.get()
    assert consent.ip_address == "198.51.100.7"
    assert "Je peux me désinscrire" in consent.wording
    assert consent.details["organisation"] == "Hérault Habitat"
    assert len(mailoutbox) == 1
    assert client.get(response["Location"]).status_code == 200


def test_an_invalid_address_gets_a_french_message_and_nothing_is_stored(
    client, home_page, audiences, mailoutbox
):
    response = client.post(SUBSCRIBE_URL, form_data(audiences, email="pas-une-adresse"))
    assert response.status_code == 400
    assert "Cette adresse électronique n&#x27;est pas valide" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert mailoutbox == []


def test_no_audience_chosen_gets_a_french_message(client, home_page, audiences):
    response = client.post(SUBSCRIBE_URL, form_data(audiences, audiences=[]))
    assert response.status_code == 400
    assert "Choisissez au moins un public." in response.content.decode()


def test_the_honeypot_stops_robots(client, home_page, audiences, mailoutbox):
    response = client.post(SUBSCRIBE_URL, form_data(audiences, website="http://spam.example"))
    assert response.status_code == 400
    assert "réservé à la détection des robots" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert mailoutbox == []


def test_too_many_posts_from_one_address_are_refused(
    client, home_page, audiences, mailoutbox, settings
):
    settings.NEWSLETTER_RATE_LIMIT = "2/m"
    for n in range(2):
        response = client.post(SUBSCRIBE_URL, form_data(audiences, email=f"p{n}@example.org"))
        assert response.status_code == 302
    response = client.post(SUBSCRIBE_URL, form_data(audiences, email="p3@example.org"))
    assert response.status_code == 429
    assert Subscriber.objects.count() == 2


def test_the_confirmation_link_shows_a_button_and_the_post_confirms(
    client, home_page, audiences, mailoutbox
):
    consent = subscriptions.subscribe(
        "dominique@example.org",
        purpose=Purpose.NEWSLETTER,
        language="fr",
        consent_text="J'accepte.",
        audiences=[audiences["facilitator"]],
    )
    url = f"/lettre/confirmation/{subscriptions.confirmation_token(consent)}/"
    response = client.get(url)
    assert response.status_code == 200
    assert not consent.subscriber.is_subscribed()
    response = client.post(url)
    assert response.status_code == 200
    assert "Inscription confirmée" in response.content.decode()
    assert consent.subscriber.is_subscribed()


def test_an_invalid_link_answers_a_french_404(client, home_page):
    for url in (
        "/lettre/confirmation/nimporte-quoi/",
        "/lettre/preferences/nimporte-quoi/",
        "/lettre/desinscription/nimporte-quoi/",
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert "Ce lien n'est plus valable" in response.content.decode()


def test_preferences_change_audiences_and_profile(client, home_page, subscriber, audiences):
    url = f"/lettre/preferences/{subscriptions.subscriber_token(subscriber)}/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "audiences": [audiences["siae"].pk, audiences["all"].pk],
            "organisation": "ESAT Les Garrigues",
        },
    )
    assert response.status_code == 200
    assert "Vos préférences sont enregistrées." in response.content.decode()
    subscriber.refresh_from_db()
    assert {a.key for a in subscriber.audiences.all()} == {"siae", "all"}
    assert subscriber.organisation == "ESAT Les Garrigues"


def test_preferences_without_audience_are_refused(client, home_page, subscriber, audiences):
    url = f"/lettre/preferences/{subscriptions.subscriber_token(subscriber)}/"
    response = client.post(url, {"audiences": []})
    assert response.status_code == 400
    assert "Me désinscrire" in response.content.decode()
    assert subscriber.audiences.count() == 1


def test_unsubscribe_get_only_shows_the_button(client, home_page, subscriber):
    url = f"/lettre/desinscription/{subscriptions.subscriber_token(subscriber)}/"
    response = client.get(url)
    assert response.status_code == 200
    assert subscriber.is_subscribed()
    response = client.post(url)
    assert response.status_code == 200
    assert not subscriber.is_subscribed()


def test_one_click_post_unsubscribes_without_csrf_token(home_page, subscriber):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    url = f"/newsletter/one-click/{subscriptions.subscriber_token(subscriber)}/"
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not subscriber.is_subscribed()


def test_one_click_get_leads_to_the_page_with_the_button(client, home_page, subscriber):
    token = subscriptions.subscriber_token(subscriber)
    response = client.get(f"/newsletter/one-click/{token}/")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/lettre/desinscription/{token}/")
    assert subscriber.is_subscribed()


def test_one_click_with_a_forged_token_changes_nothing(client, home_page, subscriber):
    token = subscriptions.subscriber_token(subscriber)
    response = client.post(f"/newsletter/one-click/{token[:-3]}abc/")
    assert response.status_code == 400
    assert subscriber.is_subscribed()


def test_home_page_and_footer_carry_the_subscribe_form(client, home_page, content_page, audiences):
    home = client.get("/").content.decode()
    assert 'id="accueil-email"' in home
    assert 'id="pied-email"' not in home
    other = client.get(content_page.url).content.decode()
    assert 'id="pied-email"' in other


def test_an_outdated_confirmation_link_answers_410_and_changes_nothing(
    client, home_page, audiences, mailoutbox
):
    consent = subscriptions.subscribe(
        "dominique@example.org",
        purpose=Purpose.NEWSLETTER,
        language="fr",
        consent_text="J'accepte.",
        audiences=[audiences["facilitator"]],
    )
    url = f"/lettre/confirmation/{subscriptions.confirmation_token(consent)}/"
    assert client.post(url).status_code == 200
    subscriptions.unsubscribe(consent.subscriber, purpose=Purpose.NEWSLETTER)
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 410
        assert "ne peut plus réactiver l'abonnement" in response.content.decode()
    assert not consent.subscriber.is_subscribed()


@pytest.mark.parametrize("page", ["preferences", "desinscription"])
def test_pages_showing_personal_data_are_not_stored_by_shared_caches(
    client, home_page, subscriber, page
):
    response = client.get(f"/lettre/{page}/{subscriptions.subscriber_token(subscriber)}/")
    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control


@pytest.mark.parametrize("value", ["9999999999999999999999999", "-1", "1e5", "0x10", "", "ab"])
def test_an_out_of_range_audience_gets_a_french_400(client, home_page, audiences, value):
    response = client.post(SUBSCRIBE_URL, form_data(audiences, audiences=[value]))
    assert response.status_code == 400
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize("value", ["9999999999999999999999999", "-5"])
def test_an_out_of_range_audience_in_preferences_gets_a_400(
    client, home_page, subscriber, audiences, value
):
    url = f"/lettre/preferences/{subscriptions.subscriber_token(subscriber)}/"
    response = client.post(url, {"audiences": [value], "name": "", "organisation": ""})
    assert response.status_code == 400
    assert list(subscriber.audiences.all()) == [audiences["public_buyer"]]


def test_erasure_asked_on_the_preferences_page_waits_for_the_emailed_link(
    client, home_page, subscriber, mailoutbox
):
    preferences = f"/lettre/preferences/{subscriptions.subscriber_token(subscriber)}/"
    assert "Effacer mes données" in client.get(preferences).content.decode()
    response = client.post(f"/lettre/effacement/{subscriptions.subscriber_token(subscriber)}/")
    assert response.status_code == 200
    assert "Un lien de confirmation a été envoyé" in response.content.decode()
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()
    [message] = mailoutbox
    assert message.to == ["camille@example.org"]
    link = next(line for line in message.body.splitlines() if "/effacement/confirmer/" in line)
    path = link.strip().removeprefix("http://testserver")
    assert client.get(path).status_code == 200
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()
    response = client.post(path)
    assert response.status_code == 200
    assert "Vos données ont été effacées" in response.content.decode()
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
    assert subscriptions.is_suppressed("camille@example.org")
    assert client.get(preferences).status_code == 404


def test_a_forged_erasure_link_erases_nothing(client, home_page, subscriber):
    for url in ("/lettre/effacement/confirmer/nimporte-quoi/", "/lettre/effacement/x/"):
        assert client.post(url).status_code == 404
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()
