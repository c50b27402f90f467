"""Accounts of the network: invitation by an editor, choosing the password, sign-in by email
address, two-factor authentication (offered to all, required for the coordination), lockout after
repeated failures, password reset (throttled), the membership provider, erasure."""

import re
import time

from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.urls import resolve, reverse

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import network
from core.permissions import MODERATORS
from members.accounts import erase_member
from members.invitations import invitation_for, make_token
from members.models import Invitation, Member

from .conftest import MONTPELLIER_EPCI, PASSWORD, confirmed_device, totp_code

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "facilitation-heraut-2027"


def sign_in(client, username, password=PASSWORD, next_url=""):
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("members:login"), data)


def invite_data(**extra):
    return {
        "email": "Nadia@Example.org",
        "first_name": "Nadia",
        "last_name": "Bensaïd",
        "role": "facilitator",
        "structure": "9",
        "territories": ["34301"],
        **extra,
    }


@pytest.fixture
def coordinator_client(client, coordinator):
    device = confirmed_device(coordinator)
    sign_in(client, "claire")
    response = client.post(
        reverse("members:twofactor_verify"), {"code": totp_code(device), "next": "/"}
    )
    assert response.status_code == 302
    return client


# --- Invitation -------------------------------------------------------------------------------


def test_coordination_invites_by_email_with_a_seven_day_link(coordinator_client, fake_reference):
    response = coordinator_client.post(reverse("members:invite"), invite_data())
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "nadia@example.org"
    assert invitation.structure_id == 9 and invitation.territory_codes == ["34301"]
    [message] = mail.outbox
    assert message.to == ["nadia@example.org"]
    assert "7 jours" in message.body
    url = re.search(r"http://testserver(/\S+)", message.body).group(1)
    # The link's token names this invitation (its timestamp is the second it was signed: a token
    # made again here may differ by a second, so it is read, not compared).
    match = resolve(url)
    assert match.view_name == "members:accept"
    assert invitation_for(match.kwargs["token"]) == invitation


def test_invitation_form_refuses_unknown_territory_and_structure(
    coordinator_client, fake_reference
):
    response = coordinator_client.post(
        reverse("members:invite"), invite_data(territories=["99999"], structure="123")
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Le territoire « 99999 » n’existe pas" in content or "99999" in content
    assert "Cette structure n&#x27;existe pas dans l&#x27;annuaire." in content
    assert not Invitation.objects.exists() and not mail.outbox


def test_a_facilitator_cannot_invite(client, facilitator, fake_reference):
    sign_in(client, "fanny")
    response = client.get(reverse("members:invite"))
    assert response.status_code == 403
    assert client.post(reverse("members:invite"), invite_data()).status_code == 403
    assert not Invitation.objects.exists()


def test_a_moderator_may_invite(client, django_user_model, groups, verified_login, fake_reference):
    from django.contrib.auth.models import Group

    moderator = django_user_model.objects.create_user("modo", "modo@example.org", PASSWORD)
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    verified_login(client, moderator)
    assert client.get(reverse("members:invite")).status_code == 200
    assert client.post(reverse("members:invite"), invite_data()).status_code == 302
    assert Invitation.objects.get().invited_by == moderator


def test_anonymous_is_sent_to_the_login(client):
    response = client.get(reverse("members:invite"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:login") + "?next=")


def test_accepting_creates_the_member_signed_in(client, groups):
    invitation = Invitation.objects.create(
        email="nadia@example.org",
        first_name="Nadia",
        last_name="Bensaïd",
        role="facilitator",
        structure_id=9,
        territory_codes=["34301"],
    )
    url = reverse("members:accept", kwargs={"token": make_token(invitation)})
    page = client.get(url)
    assert page.status_code == 200 and "nadia@example.org" in page.content.decode()
    response = client.post(url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("members:home")
    user = get_user_model().objects.get(email="nadia@example.org")
    assert user.check_password(NEW_PASSWORD)
    found = network.membership(user)
    assert found == network.Membership(9, frozenset(["34301"]), False)
    assert set(user.groups.values_list("name", flat=True)) == {
        network.NETWORK,
        network.FACILITATORS,
    }
    invitation.refresh_from_db()
    assert invitation.accepted_at and invitation.user == user
    assert invitation.email == invitation.first_name == invitation.last_name == ""
    assert client.get(reverse("members:home")).status_code == 200
    # Used once: the same link now says so.
    client.logout()
    again = client.get(url)
    assert again.status_code == 410
    assert "déjà servi" in again.content.decode()


def test_weak_or_mismatched_password_is_refused_and_nothing_is_created(client, groups):
    invitation = Invitation.objects.create(email="nadia@example.org", first_name="Nadia")
    url = reverse("members:accept", kwargs={"token": make_token(invitation)})
    response = client.post(url, {"password1": "12345678", "password2": "12345678"})
    assert response.status_code == 200
    assert "Ce mot de passe est trop court" in response.content.decode()
    response = client.post(url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD + "x"})
    assert "Les deux mots de passe ne sont pas identiques." in response.content.decode()
    assert not get_user_model().objects.filter(email="nadia@example.org").exists()
    assert Invitation.objects.get().accepted_at is None


def test_expired_invitation(client, groups, monkeypatch):
    invitation = Invitation.objects.create(email="nadia@example.org")
    eight_days_ago = int(time.time()) - 8 * 24 * 3600
    monkeypatch.setattr(
        signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(eight_days_ago)
    )
    token = make_token(invitation)
    monkeypatch.undo()
    response = client.get(reverse("members:accept", kwargs={"token": token}))
    assert response.status_code == 410
    assert "a expiré" in response.content.decode()
    response = client.post(
        reverse("members:accept", kwargs={"token": token}),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 410
    assert not get_user_model().objects.filter(email="nadia@example.org").exists()


@pytest.mark.parametrize(
    "tamper", [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: "x"]
)
def test_forged_invitation(client, groups, tamper):
    invitation = Invitation.objects.create(email="nadia@example.org")
    token = tamper(make_token(invitation))
    response = client.get(reverse("members:accept", kwargs={"token": token}))
    assert response.status_code == 400
    assert "n&#x27;est pas valide" in response.content.decode()


def test_an_editor_invited_keeps_their_account_and_becomes_member(
    client, django_user_model, groups
):
    editor = django_user_model.objects.create_user("redac", "redac@example.org", "ancien-mdp-xx")
    invitation = Invitation.objects.create(email="REDAC@example.org", role="network")
    url = reverse("members:accept", kwargs={"token": make_token(invitation)})
    client.post(url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert Member.objects.get().user == editor
    assert network.is_member(editor)


# --- Sign-in and two-factor authentication ------------------------------------------------------


def test_sign_in_by_email_address_goes_to_the_members_home(client, member):
    response = sign_in(client, "louise@example.org")
    assert response.status_code == 302 and response["Location"] == reverse("members:home")
    page = client.get(reverse("members:home"))
    assert page.status_code == 200
    assert "Espace réseau" in page.content.decode()


def test_wrong_password_gives_a_french_message(client, member):
    response = sign_in(client, "louise", "pas-le-bon")
    assert response.status_code == 200
    assert "ou mot de passe incorrect" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_repeated_failures_lock_out_like_the_admin(client, member, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "louise", "pas-le-bon").status_code == 200
    response = sign_in(client, "louise", "pas-le-bon")
    assert response.status_code == 429
    assert "Connexion bloquée" in response.content.decode()
    # The right password is refused until the cool-off ends.
    assert sign_in(client, "louise").status_code == 429
    assert "_auth_user_id" not in client.session


def test_coordination_must_enrol_before_entering(client, coordinator):
    response = sign_in(client, "claire")
    assert response["Location"].startswith(reverse("members:twofactor_enrol"))
    # Signed in with the password only: every members' page sends back to the enrolment.
    home = client.get(reverse("members:home"))
    assert home["Location"].startswith(reverse("members:twofactor_enrol"))
    enrol = client.get(reverse("members:twofactor_enrol"))
    assert enrol.status_code == 200
    assert "obligatoire pour votre compte" in enrol.content.decode()
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    wrong = client.post(reverse("members:twofactor_enrol"), {"code": "000000"})
    assert "Ce code ne correspond pas" in wrong.content.decode()
    # django-otp makes the next try wait after a failure.
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    done = client.post(
        reverse("members:twofactor_enrol"),
        {"code": totp_code(device), "next": reverse("members:home")},
    )
    assert done.status_code == 200
    assert len(re.findall(r"<li><code>", done.content.decode())) == 10
    assert client.get(reverse("members:home")).status_code == 200


def test_member_with_an_application_gives_a_code(client, member):
    device = confirmed_device(member)
    response = sign_in(client, "louise")
    assert response["Location"].startswith(reverse("members:twofactor_verify"))
    assert client.get(reverse("members:home"))["Location"].startswith(
        reverse("members:twofactor_verify")
    )
    wrong = client.post(reverse("members:twofactor_verify"), {"code": "123456"})
    assert wrong.status_code == 200
    assert "Ce code n&#x27;est pas valide ou a déjà servi." in wrong.content.decode()
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    right = client.post(
        reverse("members:twofactor_verify"),
        {"code": totp_code(device), "next": reverse("members:home")},
    )
    assert right["Location"] == reverse("members:home")
    assert client.get(reverse("members:home")).status_code == 200


def test_two_factor_is_offered_to_every_member(client, member):
    sign_in(client, "louise")
    account = client.get(reverse("members:account")).content.decode()
    assert "nous vous la recommandons" in account
    manage = client.get(reverse("members:twofactor_manage")).content.decode()
    assert "Activer la double authentification" in manage


def test_the_setting_names_the_groups_that_must_use_it(client, member, settings):
    settings.MEMBERS_TWO_FACTOR_REQUIRED_GROUPS = [network.NETWORK]
    assert sign_in(client, "louise")["Location"].startswith(reverse("members:twofactor_enrol"))


def test_a_signed_in_non_member_is_refused(client, django_user_model):
    django_user_model.objects.create_user("visiteur", "v@example.org", PASSWORD)
    sign_in(client, "visiteur")
    response = client.get(reverse("members:home"))
    assert response.status_code == 403
    assert "Réservé aux membres du réseau" in response.content.decode()


def test_logout(client, member):
    sign_in(client, "louise")
    response = client.post(reverse("members:logout"))
    assert response["Location"] == reverse("members:logged_out")
    assert client.get(reverse("members:home")).status_code == 302


def test_english_pages(client, member):
    response = client.get("/en/network/login/")
    assert response.status_code == 200
    assert "Sign in to the network space" in response.content.decode()


# --- Password reset -------------------------------------------------------------------------------


def test_password_reset_by_email(client, member):
    response = client.post(reverse("members:password_reset"), {"email": "louise@example.org"})
    assert response["Location"] == reverse("members:password_reset_done")
    [message] = mail.outbox
    path = re.search(r"http://testserver(/\S+)", message.body).group(1)
    form = client.get(path, follow=True)
    assert form.status_code == 200
    final = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert final["Location"] == reverse("members:password_reset_complete")
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)


def test_password_reset_is_throttled(client, member, settings):
    settings.ADMIN_PASSWORD_RESET_RATE_LIMIT = "2/h"
    for _ in range(2):
        client.post(reverse("members:password_reset"), {"email": "louise@example.org"})
    response = client.post(reverse("members:password_reset"), {"email": "louise@example.org"})
    assert response.status_code == 429
    assert len(mail.outbox) == 2


# --- Membership and erasure -----------------------------------------------------------------------


def test_membership_provider(member, facilitator, coordinator):
    assert network.membership(facilitator) == network.Membership(
        7, frozenset([MONTPELLIER_EPCI]), False
    )
    assert network.membership(coordinator).coordination
    assert network.membership(coordinator).covers("34301")
    assert not network.membership(facilitator).covers("34301")
    member.groups.clear()
    assert network.membership(member) is None
    member.is_active = False
    assert network.membership(member) is None


def test_erasing_a_member(member, coordinator, groups):
    confirmed_device(member)
    Invitation.objects.create(email="louise@example.org")
    erase_member(member)
    assert not get_user_model().objects.filter(pk=member.pk).exists()
    assert not Invitation.objects.exists()
    assert not TOTPDevice.objects.filter(user_id=member.pk).exists()


def test_erasing_a_member_who_is_also_an_editor_keeps_the_admin_account(member, groups):
    from django.contrib.auth.models import Group

    member.groups.add(Group.objects.get(name=MODERATORS))
    device = confirmed_device(member)
    erase_member(member)
    member.refresh_from_db()
    assert not Member.objects.filter(user=member).exists()
    assert network.membership(member) is None
    assert list(member.groups.values_list("name", flat=True)) == [MODERATORS]
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_erase_member_command(member, groups):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError):
        call_command("erase_member", "personne@example.org")
    call_command("erase_member", "louise@example.org", verbosity=0)
    assert not get_user_model().objects.filter(pk=member.pk).exists()
