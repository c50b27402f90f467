"""Admin logins under attack (config.accounts): django-axes locks an account and an address out after
a few failed logins, on the Wagtail and the Django admin; password reset requests are throttled."""

from django.contrib.auth import get_user_model

import pytest

pytestmark = pytest.mark.django_db

PASSWORD = "le-bon-mot-de-passe-2026"
LOGINS = {"wagtail": "/admin/login/", "django": "/django-admin/login/"}


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("camille", "camille@example.org", PASSWORD)


def login(client, url, username="camille", password=PASSWORD, ip="203.0.113.5"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip)


def logged_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("site", list(LOGINS))
def test_after_repeated_failures_even_the_right_password_is_refused(client, editor, site, settings):
    url = LOGINS[site]
    for _ in range(30):
        assert login(client, url, password="mauvais").status_code in (200, 429)
    response = login(client, url)
    assert response.status_code == 429
    assert "Connexion bloquée" in response.content.decode()
    assert not logged_in(client)


@pytest.mark.parametrize("site", list(LOGINS))
def test_a_few_typos_do_not_lock_the_account_out(client, editor, site, settings):
    url = LOGINS[site]
    for _ in range(settings.ADMIN_LOGIN_FAILURE_LIMIT - 1):
        assert login(client, url, password="mauvais").status_code == 200
    assert login(client, url).status_code == 302
    assert logged_in(client)


def test_an_account_is_locked_from_every_address(client, editor, settings):
    for n in range(settings.ADMIN_LOGIN_FAILURE_LIMIT):
        login(client, LOGINS["wagtail"], password="mauvais", ip=f"198.51.100.{n}")
    assert login(client, LOGINS["wagtail"], ip="192.0.2.200").status_code == 429
    assert not logged_in(client)


def test_an_address_guessing_many_accounts_is_locked_out(client, editor, settings):
    for n in range(settings.ADMIN_LOGIN_FAILURE_LIMIT):
        login(client, LOGINS["wagtail"], username=f"compte{n}", password="mauvais")
    assert login(client, LOGINS["wagtail"]).status_code == 429
    assert not logged_in(client)


def test_password_resets_are_throttled(client, editor, mailoutbox, settings):
    settings.ADMIN_PASSWORD_RESET_RATE_LIMIT = "3/h"
    statuses = [
        client.post(
            "/admin/password_reset/", {"email": "camille@example.org"}, REMOTE_ADDR=f"192.0.2.{n}"
        ).status_code
        for n in range(10)
    ]
    assert statuses[:3] == [302, 302, 302]
    assert set(statuses[3:]) == {429}
    assert len(mailoutbox) == 3


def test_password_resets_from_one_address_are_throttled(client, editor, mailoutbox, settings):
    settings.ADMIN_PASSWORD_RESET_RATE_LIMIT = "3/h"
    for n in range(3):
        response = client.post("/admin/password_reset/", {"email": f"x{n}@example.org"})
        assert response.status_code == 302
    response = client.post("/admin/password_reset/", {"email": "camille@example.org"})
    assert response.status_code == 429
    assert "Trop de demandes" in response.content.decode()
    assert mailoutbox == []
