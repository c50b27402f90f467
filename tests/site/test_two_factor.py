"""Two-factor authentication for the admins (core.twofactor, django-otp): enrolment with a first
code, verification after the password, recovery codes that work once, throttled guesses, and the
requirement for moderators (and superusers) while editors are only offered it."""

import io
import re
from urllib.parse import quote

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.permissions import EDITORS, MODERATORS, configure_editor_groups
from tests.conftest import totp_code as code

pytestmark = pytest.mark.django_db

PASSWORD = "un mot de passe assez long"
ENROL = "/admin/2fa/activer/"
VERIFY = "/admin/2fa/verifier/"
MANAGE = "/admin/2fa/"


@pytest.fixture
def member_of(django_user_model):
    def make(group_name, username=None):
        configure_editor_groups()
        user = django_user_model.objects.create_user(
            username=username or group_name.lower(), password=PASSWORD
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def editor_with_device(member_of):
    user = member_of(EDITORS, "redactrice")
    device = TOTPDevice.objects.create(user=user, name="Téléphone", confirmed=True)
    return user, device


def log_in_with_password(client, username):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": PASSWORD}, follow=True
    )


def test_a_moderator_without_a_device_is_sent_to_enrolment(client, member_of):
    client.force_login(member_of(MODERATORS))
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{ENROL}?next={quote('/admin/pages/', safe='')}"


def test_a_superuser_without_a_device_is_sent_to_enrolment_from_both_admins(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/admin/")["Location"].startswith(ENROL)
    assert client.get("/django-admin/")["Location"].startswith(ENROL)


def test_an_editor_without_a_device_is_not_forced(client, member_of):
    client.force_login(member_of(EDITORS))
    assert client.get("/admin/").status_code == 200
    assert client.get(ENROL).status_code == 200


def test_a_group_listed_in_the_setting_must_enrol(client, member_of, settings):
    settings.TWO_FACTOR_REQUIRED_GROUPS = [MODERATORS, EDITORS]
    client.force_login(member_of(EDITORS))
    assert client.get("/admin/")["Location"].startswith(ENROL)


def test_enrolment_shows_a_local_qr_code_and_the_secret_then_confirms_with_a_first_code(
    client, member_of, settings
):
    # No wait after the wrong code below (throttling has its own test).
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client.force_login(member_of(MODERATORS))
    page = client.get(f"{ENROL}?next=/admin/pages/")
    html = page.content.decode()
    device = TOTPDevice.objects.get(confirmed=False)
    assert '<svg width="' in html and 'class="twofactor-qr"' in html
    secret = re.search(r"data-twofactor-secret>([A-Z2-7 ]+)<", html).group(1)
    assert len(secret.replace(" ", "")) == 32
    # Reloading keeps the same secret, so a scan made before the reload still works.
    client.get(ENROL)
    assert TOTPDevice.objects.get().pk == device.pk

    wrong = client.post(ENROL, {"code": "000000" if code(device) != "000000" else "111111"})
    assert "Ce code ne correspond pas" in wrong.content.decode()
    assert not TOTPDevice.objects.get().confirmed

    done = client.post(ENROL, {"code": code(device, 1), "next": "/admin/pages/"})
    assert done.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", done.content.decode())
    assert len(codes) == 10
    assert sorted(StaticToken.objects.values_list("token", flat=True)) == sorted(codes)
    assert TOTPDevice.objects.get().confirmed
    assert 'href="/admin/pages/"' in done.content.decode()
    # The session that confirmed is verified.
    assert client.get("/admin/pages/").status_code == 200


def test_after_the_password_the_admin_asks_for_the_code(client, editor_with_device):
    user, device = editor_with_device
    response = log_in_with_password(client, "redactrice")
    assert response.redirect_chain[-1][0].startswith(VERIFY)
    assert "Vérification en deux étapes" in response.content.decode()
    assert client.get("/admin/pages/")["Location"].startswith(VERIFY)
    assert client.get("/django-admin/")["Location"].startswith(VERIFY)

    verified = client.post(VERIFY, {"code": code(device), "next": "/admin/pages/"})
    assert verified["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_wrong_code_is_refused(client, editor_with_device):
    user, device = editor_with_device
    client.force_login(user)
    wrong = "000000" if code(device) != "000000" else "111111"
    response = client.post(VERIFY, {"code": wrong})
    assert response.status_code == 200
    assert "Ce code n&#x27;est pas valide ou a déjà servi." in response.content.decode()
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_code_attempts_are_throttled(client, editor_with_device, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    user, device = editor_with_device
    client.force_login(user)
    client.post(VERIFY, {"code": "000000" if code(device) != "000000" else "111111"})
    # Even the right code waits until the delay after a wrong one has passed.
    response = client.post(VERIFY, {"code": code(device)})
    assert "Trop de codes erronés\u00a0: attendez" in response.content.decode()
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_a_next_address_outside_the_site_is_ignored(client, editor_with_device):
    user, device = editor_with_device
    client.force_login(user)
    response = client.post(VERIFY, {"code": code(device), "next": "https://pirate.example/"})
    assert response["Location"] == reverse("wagtailadmin_home")


def test_a_recovery_code_works_once(client, member_of):
    user = member_of(MODERATORS)
    client.force_login(user)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=user)
    done = client.post(ENROL, {"code": code(device)})
    recovery = re.findall(r"<li><code>([a-z2-7]+)</code></li>", done.content.decode())[0]

    client.logout()
    client.force_login(user)
    # Typed with capitals and a space, as people copy them.
    used = client.post(VERIFY, {"code": f"{recovery[:4].upper()} {recovery[4:]}"}, follow=True)
    assert "il vous en reste 9" in used.content.decode()
    assert client.get("/admin/").status_code == 200

    client.logout()
    client.force_login(user)
    again = client.post(VERIFY, {"code": recovery})
    assert "Ce code n&#x27;est pas valide ou a déjà servi." in again.content.decode()
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_removing_the_device_asks_for_a_code_and_a_moderator_must_enrol_again(
    client, member_of, verified_login
):
    user = member_of(MODERATORS)
    device = verified_login(client, user)
    assert "La double authentification est active" in client.get(MANAGE).content.decode()
    refused = client.post(MANAGE, {"action": "remove", "code": "pas un code"})
    assert refused.status_code == 200
    assert TOTPDevice.objects.filter(user=user).exists()

    removed = client.post(MANAGE, {"action": "remove", "code": code(device)})
    assert removed["Location"] == ENROL
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert client.get("/admin/")["Location"].startswith(ENROL)


def test_an_editor_may_remove_the_device_and_use_the_admin_without_it(
    client, editor_with_device, verified_login
):
    user, device = editor_with_device
    verified_login(client, user)
    client.post(MANAGE, {"action": "remove", "code": code(device)})
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert client.get("/admin/").status_code == 200


def test_re_enrolment_replaces_the_old_application(client, editor_with_device, verified_login):
    user, old = editor_with_device
    verified_login(client, user)
    client.get(ENROL)
    new = TOTPDevice.objects.get(user=user, confirmed=False)
    client.post(ENROL, {"code": code(new)})
    assert list(TOTPDevice.objects.filter(user=user).values_list("pk", flat=True)) == [new.pk]


def test_new_recovery_codes_replace_the_old_ones(client, editor_with_device, verified_login):
    user, device = editor_with_device
    verified_login(client, user)
    first = client.post(MANAGE, {"action": "recovery_codes"}).content.decode()
    second = client.post(MANAGE, {"action": "recovery_codes"}).content.decode()
    old = set(re.findall(r"<li><code>([a-z2-7]+)</code></li>", first))
    new = set(re.findall(r"<li><code>([a-z2-7]+)</code></li>", second))
    assert len(new) == 10 and not old & new
    assert set(StaticToken.objects.values_list("token", flat=True)) == new


def test_an_unverified_session_cannot_reach_the_enrolment_of_an_enrolled_account(
    client, editor_with_device
):
    # Otherwise a stolen password would let its thief set up their own application.
    user, device = editor_with_device
    client.force_login(user)
    assert client.get(ENROL)["Location"].startswith(VERIFY)
    assert client.get(MANAGE)["Location"].startswith(VERIFY)


def test_the_account_page_links_to_two_factor_authentication(client, member_of, verified_login):
    verified_login(client, member_of(EDITORS))
    assert MANAGE in client.get(reverse("wagtailadmin_account")).content.decode()


def test_the_command_removes_a_lost_device_so_the_person_enrols_again(client, member_of):
    from django.core.management import call_command

    user = member_of(MODERATORS)
    TOTPDevice.objects.create(user=user, name="Téléphone perdu", confirmed=True)
    out = io.StringIO()
    call_command("remove_two_factor", user.username, stdout=out)
    assert "Double authentification retirée" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=user).exists()
    client.force_login(user)
    assert client.get("/admin/")["Location"].startswith(ENROL)
