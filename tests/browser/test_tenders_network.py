"""The network's follow-up of a notice in Chromium, as a facilitator (core.network's provider
replaced by a stand-in: the members' space is not there yet): follow the notice, annotate it,
assign it; axe finds no serious violation at 375 and 1366 px; a visitor sees none of it."""

import json

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore

import pytest

from core import network
from core.network import FACILITATORS, Membership
from tenders.models import NoticeAssignment, NoticeFollow, NoticeNote
from tests.browser.conftest import save_screenshot
from tests.browser.test_pages import serious_violations

pytestmark = pytest.mark.browser

NOTICE = "/veille-marches/avis/EX-26-0004/"
WIDTHS = {"375": {"width": 375, "height": 812}, "1366": {"width": 1366, "height": 900}}


@pytest.fixture
def facilitator(db, monkeypatch):
    user = get_user_model().objects.create_user(
        "facilitatrice-navigateur", password="x", first_name="Inès", last_name="Roux"
    )
    user.groups.add(Group.objects.get_or_create(name=FACILITATORS)[0])
    monkeypatch.setattr(
        network,
        "_provider",
        lambda person: (
            Membership(territory_codes=frozenset({"34172"})) if person.pk == user.pk else None
        ),
    )
    return user


@pytest.fixture
def member_page(open_page, site_server, facilitator):
    """A page of the live site, signed in as the facilitator (a session made for them)."""
    session = SessionStore()
    session[SESSION_KEY] = str(facilitator.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = facilitator.get_session_auth_hash()
    session.save()
    page = open_page(NOTICE)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": site_server.url,
            }
        ]
    )
    page.goto(NOTICE)
    return page


def test_a_facilitator_follows_annotates_and_assigns_a_notice(member_page, facilitator):
    page = member_page
    assert "Suivi du réseau" in page.locator("#suivi").inner_text()
    page.click("#suivi form[action$='/suivre/'] button")
    page.wait_for_url("**#suivi")
    assert "Vous suivez cet avis." in page.locator("#suivi").inner_text()
    page.fill("#note", "Acheteur à rencontrer avant la fin de l'année.")
    page.click("#suivi form[action$='/note/'] button")
    page.wait_for_url("**#suivi")
    assert "Acheteur à rencontrer avant la fin de l'année." in page.locator("#suivi").inner_text()
    page.select_option("#facilitateur", str(facilitator.pk))
    page.click("#suivi form[action$='/attribuer/'] button")
    page.wait_for_url("**#suivi")
    assert "Attribué à Inès Roux." in page.locator("#suivi").inner_text()
    assert NoticeFollow.objects.filter(user=facilitator).count() == 1
    assert NoticeNote.objects.filter(author=facilitator).count() == 1
    assert NoticeAssignment.objects.get().facilitator == facilitator
    NoticeNote.objects.all().delete()
    NoticeAssignment.objects.all().delete()
    NoticeFollow.objects.all().delete()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_follow_up_has_no_serious_violation(member_page, width):
    page = member_page
    page.set_viewport_size(WIDTHS[width])
    violations = serious_violations(page)
    assert violations == [], json.dumps(violations, indent=2, ensure_ascii=False)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    save_screenshot(page, f"tenders-followup-{width}")


def test_a_visitor_sees_nothing_of_the_follow_up(open_page, facilitator):
    page = open_page(NOTICE)
    assert page.locator("#suivi").count() == 0
