"""A meeting reserved to the network in Chromium: a visitor never sees it in the agenda; a member of
the group "Réseau des facilitateurs" signed in sees it, marked, opens it and its registration form;
no serious or critical accessibility violation at 375 and 1366 px, no console error, no horizontal
scroll."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

import pytest

from core.network import NETWORK
from events.models import EventPage
from tests.browser.test_events import WIDTHS, check

pytestmark = pytest.mark.browser

TITLE = "Point technique mensuel des facilitateurs"


@pytest.fixture
def network_meeting(site_server, db):
    """The demo's monthly technical call, reserved to the network by the demo itself."""
    return EventPage.objects.get(
        slug="reunion-technique-mensuelle-reseau", locale__language_code="fr"
    )


@pytest.fixture
def open_as(browser, site_server, db):
    """open_as(path, width, user=None) -> a Playwright page, signed in as `user` when given."""
    contexts = []

    def open_(path, width="1366", user=None):
        context = browser.new_context(
            viewport=WIDTHS[width], locale="fr-FR", base_url=site_server.url
        )
        contexts.append(context)
        if user is not None:
            client = Client()
            client.force_login(user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": site_server.url}]
            )
        page = context.new_page()
        page.console_errors = []
        page.on(
            "console",
            lambda message: message.type == "error" and page.console_errors.append(message.text),
        )
        response = page.goto(path)
        assert response.status == 200, f"{path} answered {response.status}"
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_a_member_sees_the_network_meeting_and_a_visitor_does_not(open_as, network_meeting, width):
    member = get_user_model().objects.create_user(f"membre-{width}", password="x" * 20)
    member.groups.add(Group.objects.get(name=NETWORK))
    public = open_as("/agenda/", width)
    assert TITLE not in public.content()
    page = open_as("/agenda/", width, user=member)
    item = page.locator(".event-item", has_text=TITLE).first
    assert item.is_visible()
    assert "Réservé au réseau" in item.inner_text()
    check(page, f"events-network-agenda-{width}")
    item.get_by_role("link", name=TITLE).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("Point technique")
    check(page, f"events-network-meeting-{width}")
