"""The contact form: storage, email to the team through a real SMTP server, French validation messages,
the honeypot, the rate limit, and robustness against malformed posts."""

import html

from wagtail.contrib.forms.models import FormSubmission

import pytest

from core.forms import HONEYPOT_FIELD


def page_text(response):
    return html.unescape(response.content.decode())


def post(client, page, data, **extra):
    return client.post(page.url, data, **extra)


def test_contact_page_shows_the_form(client, contact_page):
    response = client.get(contact_page.url)
    assert response.status_code == 200
    assert 'name="courriel"' in response.content.decode()


def test_valid_post_stores_a_submission(client, contact_page, contact_data, smtp_settings):
    response = post(client, contact_page, contact_data)
    assert response.status_code == 200
    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.get_data()["courriel"] == "camille@example.net"


def test_stored_submission_leaves_out_the_honeypot(
    client, contact_page, contact_data, smtp_settings
):
    post(client, contact_page, {**contact_data, HONEYPOT_FIELD: ""})
    submission = FormSubmission.objects.get(page=contact_page)
    assert HONEYPOT_FIELD not in submission.form_data


def test_valid_post_shows_the_thank_you_text(client, contact_page, contact_data, smtp_settings):
    response = post(client, contact_page, contact_data)
    assert "Merci, votre message est bien arrivé." in page_text(response)


def test_valid_post_emails_the_team_through_smtp(client, contact_page, contact_data, smtp_settings):
    post(client, contact_page, contact_data)
    assert smtp_settings.received.wait(5), "the SMTP server received nothing"
    [envelope] = smtp_settings.envelopes
    assert envelope.rcpt_tos == ["equipe@example.org"]
    [message] = smtp_settings.messages
    assert message["Subject"] == "Nouveau message depuis le site"
    assert "nous souhaitons inclure une clause sociale" in message.get_content()


def test_email_to_the_team_carries_the_chosen_topic_in_its_subject(
    client, contact_page, contact_data, mailoutbox
):
    from home.models import ContactFormField

    ContactFormField.objects.create(
        page=contact_page,
        label="Objet",
        field_type="dropdown",
        required=True,
        choices="Question générale\nMarché réservé",
        locale=contact_page.locale,
        sort_order=10,
    )
    post(client, contact_page, {**contact_data, "objet": "Marché réservé"})
    [message] = mailoutbox
    assert message.subject == "Nouveau message depuis le site — Marché réservé"


def test_email_to_the_team_replies_to_the_visitor(
    client, contact_page, contact_data, smtp_settings
):
    post(client, contact_page, contact_data)
    assert smtp_settings.received.wait(5), "the SMTP server received nothing"
    [message] = smtp_settings.messages
    assert message["Reply-To"] == "camille@example.net"


def test_email_goes_to_contact_email_when_the_page_names_no_address(
    client, contact_page, contact_data, smtp_settings, settings
):
    settings.CONTACT_EMAIL = "mission@example.org"
    contact_page.to_address = ""
    contact_page.save_revision().publish()
    post(client, contact_page, contact_data)
    assert smtp_settings.received.wait(5), "the SMTP server received nothing"
    assert smtp_settings.envelopes[0].rcpt_tos == ["mission@example.org"]


def test_missing_required_fields_answer_in_french(client, contact_page):
    response = post(client, contact_page, {})
    assert response.status_code == 200
    text = page_text(response)
    # Wagtail's French catalog comes before Django's in INSTALLED_APPS: its wording wins.
    assert "Nom : Champ requis." in text
    assert "This field is required" not in text


def test_missing_required_fields_store_nothing(client, contact_page, mailoutbox):
    post(client, contact_page, {"nom": "Camille"})
    assert not FormSubmission.objects.exists()
    assert mailoutbox == []


def test_invalid_email_address_answers_in_french(client, contact_page, contact_data):
    response = post(client, contact_page, {**contact_data, "courriel": "pas-une-adresse"})
    assert "Courriel : Saisissez une adresse de courriel valide." in page_text(response)


def test_filled_honeypot_stores_nothing(client, contact_page, contact_data, mailoutbox):
    response = post(client, contact_page, {**contact_data, HONEYPOT_FIELD: "https://spam.example"})
    assert response.status_code == 200
    assert not FormSubmission.objects.exists()
    assert mailoutbox == []


def test_filled_honeypot_shows_the_french_message(client, contact_page, contact_data):
    response = post(client, contact_page, {**contact_data, HONEYPOT_FIELD: "https://spam.example"})
    assert "réservé à la détection des robots, doit rester vide" in page_text(response)


@pytest.fixture
def rate_limit(settings):
    # A day-long window: the count cannot roll over to a new window during the test.
    settings.CONTACT_RATE_LIMIT = "3/d"
    return 3


def test_posts_within_the_rate_limit_are_answered(client, contact_page, contact_data, rate_limit):
    statuses = [post(client, contact_page, contact_data).status_code for _ in range(rate_limit)]
    assert statuses == [200] * rate_limit
    assert FormSubmission.objects.count() == rate_limit


def test_post_beyond_the_rate_limit_answers_429(client, contact_page, contact_data, rate_limit):
    for _ in range(rate_limit):
        post(client, contact_page, contact_data)
    response = post(client, contact_page, contact_data)
    assert response.status_code == 429
    assert FormSubmission.objects.count() == rate_limit


def test_rate_limited_answer_is_a_french_page(client, contact_page, contact_data, rate_limit):
    for _ in range(rate_limit):
        post(client, contact_page, contact_data)
    response = post(client, contact_page, contact_data)
    text = page_text(response)
    assert '<html lang="fr"' in text
    assert "Aller au contenu" in text


def test_rate_limit_counts_each_address_separately(client, contact_page, contact_data, rate_limit):
    for _ in range(rate_limit):
        post(client, contact_page, contact_data, REMOTE_ADDR="192.0.2.1")
    response = post(client, contact_page, contact_data, REMOTE_ADDR="192.0.2.2")
    assert response.status_code == 200


def test_reading_the_form_is_not_rate_limited(client, contact_page, rate_limit):
    statuses = [client.get(contact_page.url).status_code for _ in range(rate_limit + 2)]
    assert statuses == [200] * (rate_limit + 2)


MALFORMED_POSTS = {
    "list instead of a string": {
        "nom": ["a", "b"],
        "courriel": ["x@example.org", "y"],
        "message": ["un", "deux"],
    },
    "huge values": {
        "nom": "n" * 100_000,
        "courriel": "a" * 100_000 + "@example.org",
        "message": "m" * 1_000_000,
    },
    "NUL bytes": {"nom": "Ca\x00mille", "courriel": "c\x00@example.org", "message": "a\x00b"},
    "NUL byte in a key": {"nom\x00": "x", "courriel": "c@example.org", "message": "m"},
    "unknown fields": {"csrfmiddlewaretoken": "x", "page": "1", "nom": "x"},
    "honeypot as a list": {
        "nom": "x",
        "courriel": "c@example.org",
        "message": "m",
        HONEYPOT_FIELD: ["", "spam"],
    },
    "control characters": {
        "nom": "\x1b[31m\r\n",
        "courriel": "c@example.org\r\nBcc: x@y.z",
        "message": "\ud7ff\ufffe",
    },
}


@pytest.mark.parametrize("data", MALFORMED_POSTS.values(), ids=MALFORMED_POSTS.keys())
def test_malformed_post_is_refused_without_error(client, contact_page, data, mailoutbox):
    response = post(client, contact_page, data)
    assert response.status_code in {200, 400}
    assert not FormSubmission.objects.exists()


def test_body_larger_than_the_upload_limit_answers_400(client, contact_page, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = post(client, contact_page, {"message": "m" * 20_000})
    assert response.status_code == 400


def test_header_injection_in_the_email_address_is_refused(
    client, contact_page, contact_data, mailoutbox
):
    response = post(
        client, contact_page, {**contact_data, "courriel": "c@example.org\nBcc: victim@example.org"}
    )
    assert response.status_code == 200
    assert mailoutbox == []


def test_a_message_longer_than_the_limit_is_refused_in_french(
    client, contact_page, contact_data, mailoutbox, settings
):
    settings.CONTACT_MESSAGE_MAX_LENGTH = 5000
    response = post(client, contact_page, {**contact_data, "message": "x" * 2_400_000})
    assert response.status_code in (200, 400)
    assert "Votre message est trop long : 5000 caractères au plus (il en compte 2400000)." in (
        page_text(response)
    )
    assert not FormSubmission.objects.exists()
    assert mailoutbox == []


def test_a_message_at_the_limit_is_accepted(client, contact_page, contact_data, settings):
    settings.CONTACT_MESSAGE_MAX_LENGTH = 5000
    post(client, contact_page, {**contact_data, "message": "x" * 5000})
    assert len(FormSubmission.objects.get().get_data()["message"]) == 5000
