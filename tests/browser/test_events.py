"""The demo agenda in Chromium at phone (375 px) and desktop (1366 px) widths: browse and filter,
read an event, register, fill the waiting list, accept a freed place, cancel; no serious or
critical accessibility violation (axe), no console error (the CSP holds), no horizontal scroll."""

import datetime
import json
import re

from django.core import mail

import pytest

from events.models import EventPage, Registration
from events.tokens import manage_url
from tests.browser.conftest import save_screenshot
from tests.browser.test_pages import serious_violations

pytestmark = pytest.mark.browser

WIDTHS = {"375": {"width": 375, "height": 812}, "1366": {"width": 1366, "height": 900}}
AGENDA = "/agenda/"
MEETING = AGENDA + "reunion-information-acheteurs-beziers/"
SERIES = AGENDA + "reunion-technique-facilitateurs/"


@pytest.fixture
def open_at(browser, site_server, db):
    """open_at(path, width) -> a Playwright page of the live site, console errors recorded."""
    contexts = []

    def open_(path, width="1366"):
        context = browser.new_context(
            viewport=WIDTHS[width], locale="fr-FR", base_url=site_server.url
        )
        contexts.append(context)
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


def check(page, name):
    violations = serious_violations(page)
    assert violations == [], json.dumps(violations, indent=2, ensure_ascii=False)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert page.console_errors == []
    save_screenshot(page, name)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("events-agenda", AGENDA),
        ("events-agenda-past", AGENDA + "?periode=passes"),
        ("events-event", MEETING),
        ("events-register", MEETING + "inscription/"),
        ("events-agenda-en", "/en/events/"),
        ("events-month", AGENDA + "mois/"),
        ("events-series", SERIES),
        ("events-home", "/"),
    ],
)
def test_agenda_pages_have_no_serious_accessibility_violation(open_at, name, path, width):
    check(open_at(path, width), name)


def test_filter_the_agenda_then_open_an_event_and_its_calendar_file(open_at):
    page = open_at(AGENDA)
    page.select_option("#filtre-type", "buyers_meeting")
    page.click(".resource-filters__actions button")
    page.wait_for_url("**type=buyers_meeting**")
    titles = page.locator(".event-item__title").all_inner_texts()
    assert titles == ["Réunion d'information des acheteurs publics : la clause sociale en pratique"]
    assert "type=buyers_meeting" in page.locator("[data-feed-url]").input_value()
    page.click(".event-item__title a")
    page.wait_for_url("**" + MEETING)
    assert re.search(r"\d+\u00a0h à 16\u00a0h\u00a030", page.locator(".event-when").inner_text())
    response = page.request.get(page.locator("[data-ical-link]").get_attribute("href"))
    assert response.status == 200 and "BEGIN:VEVENT" in response.text()


def test_register_fill_the_waiting_list_accept_a_freed_place_and_cancel(open_at):
    event = EventPage.objects.get(
        slug="reunion-information-acheteurs-beziers", locale__language_code="fr"
    )
    EventPage.objects.filter(pk=event.pk).update(capacity=1)

    def register(name, email, width="1366"):
        page = open_at(MEETING + "inscription/", width)
        page.fill("#id_name", name)
        page.fill("#id_email", email)
        page.check("#id_consent")
        with page.expect_navigation() as navigation:
            page.click(".event-form button[type=submit]")
        assert navigation.value.status == 200, page.content()[:3000]
        return page

    first = register("Camille Martin", "camille@example.org")
    assert "Votre inscription est confirmée" in first.inner_text("main")
    check(first, "events-registered")
    second = register("Dominique Roux", "dominique@example.org", width="375")
    assert "Vous êtes sur la liste d'attente" in second.inner_text("main")
    check(second, "events-waiting")

    # Camille cancels from the link of her email: the place goes to Dominique.
    camille = Registration.objects.get(email="camille@example.org")
    assert manage_url(camille) in next(m for m in mail.outbox if m.to == [camille.email]).body
    path = manage_url(camille).split("://", 1)[1].split("/", 1)[1]
    page = open_at("/" + path)
    with page.expect_navigation():
        page.click("text=Annuler mon inscription")
    assert "Votre inscription est annulée" in page.inner_text("main")
    dominique = Registration.objects.get(email="dominique@example.org")
    assert dominique.status == "offered"

    page = open_at("/" + manage_url(dominique).split("://", 1)[1].split("/", 1)[1], "375")
    check(page, "events-offer")
    with page.expect_navigation():
        page.click("text=Je prends la place")
    assert "votre place est confirmée" in page.inner_text("main")
    assert Registration.objects.get(pk=dominique.pk).status == "confirmed"


@pytest.mark.parametrize("width", WIDTHS)
def test_a_date_of_the_monthly_meeting_has_its_page_and_the_month_view_moves_by_month(
    open_at, width
):
    series = EventPage.objects.get(
        slug="reunion-technique-facilitateurs", locale__language_code="fr"
    )
    first, second = series.occurrences.all()[:2]
    page = open_at(f"{SERIES}{first.key}/", width)
    check(page, f"events-occurrence-{width}")
    assert page.locator("h2#inscription-titre").count() == 1
    page = open_at(AGENDA + f"mois/?mois={second.start_date:%Y-%m}", width)
    assert page.get_by_role("link", name=re.compile("Réunion technique du réseau")).count() == 1
    page.click("a[rel=next]")
    next_month = second.start_date.replace(day=28) + datetime.timedelta(days=4)
    page.wait_for_url(f"**mois={next_month:%Y-%m}**")
    check(page, f"events-month-next-{width}")
