"""An agenda under the home page and a helper that publishes events below it."""

import datetime

import pytest


@pytest.fixture
def agenda(home_page):
    from events.factories import AgendaPageFactory

    page = AgendaPageFactory(parent=home_page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def days_from_now(days):
    return datetime.date.today() + datetime.timedelta(days=days)


@pytest.fixture
def make_event(agenda):
    """make_event(**fields) -> a published EventPage under the agenda."""
    from events.factories import EventPageFactory
    from events.models import EventPage

    def make(**fields):
        page = EventPageFactory(parent=fields.pop("parent", agenda), **fields)
        page.save_revision().publish()
        return EventPage.objects.get(pk=page.pk)

    return make


@pytest.fixture
def meeting(make_event):
    """A buyers' information meeting in 30 days, 2 places, waiting list on."""
    return make_event(
        title="Réunion d'information des acheteurs",
        slug="reunion-acheteurs",
        kind="buyers_meeting",
        start_date=days_from_now(30),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(12, 0),
        registration_enabled=True,
        capacity=2,
    )
