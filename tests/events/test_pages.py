"""The agenda and event pages: upcoming events first, past ones by year, filters in the URL that
combine and forgive, French typography, the checks of an event's dates, schema.org data, the
digest source, the site search, the English agenda."""

import datetime
import html
import json
import re

from django.core.exceptions import ValidationError

import pytest

from core.digest import digest_items
from events.models import EventPage

from .conftest import days_from_now


def text(response):
    return html.unescape(response.content.decode())


@pytest.fixture
def programme(make_event):
    from newsletter.models import Audience

    buyers = Audience.objects.get(key="public_buyer")
    soon = make_event(
        title="Réunion des acheteurs de Béziers",
        slug="beziers",
        kind="buyers_meeting",
        start_date=days_from_now(10),
        city="Béziers",
    )
    soon.audiences = [buyers]
    soon.save_revision().publish()
    later = make_event(
        title="Formation des facilitateurs",
        slug="formation",
        kind="training",
        start_date=days_from_now(40),
    )
    last_year = make_event(
        title="Rencontre de l'an dernier",
        slug="an-dernier",
        kind="promotion",
        start_date=days_from_now(-380),
    )
    past = make_event(
        title="Réunion du mois dernier", slug="mois-dernier", start_date=days_from_now(-30)
    )
    return EventPage.objects.get(pk=soon.pk), later, last_year, past


@pytest.mark.django_db
def test_the_agenda_lists_upcoming_events_soonest_first(client, agenda, programme):
    soon, later, _last_year, _past = programme
    page = text(client.get(agenda.url))
    titles = re.findall(r'class="event-item__title"><a href="[^"]+">([^<]+)</a>', page)
    assert titles == [soon.title, later.title]
    assert "2 événements à venir" in page


@pytest.mark.django_db
def test_past_events_are_listed_newest_first_grouped_by_year_and_by_year_link(
    client, agenda, programme
):
    _soon, _later, last_year, past = programme
    page = text(client.get(agenda.url + "?periode=passes"))
    titles = re.findall(r'class="event-item__title"><a href="[^"]+">([^<]+)</a>', page)
    assert titles == [past.title, last_year.title]
    assert f'<h3 class="agenda-year">{last_year.start_date.year}</h3>' in page
    page = text(client.get(agenda.url + f"?annee={last_year.start_date.year}"))
    assert last_year.title in page and (past.title in page) == (
        past.start_date.year == last_year.start_date.year
    )


@pytest.mark.django_db
def test_filters_combine_in_the_url(client, agenda, programme):
    soon, later, _last_year, _past = programme
    page = text(
        client.get(agenda.url + "?type=buyers_meeting&public=public_buyer&commune=b%C3%A9ziers")
    )
    assert soon.title in page and later.title not in page
    page = text(client.get(agenda.url + "?type=training&public=public_buyer"))
    assert "Aucun événement ne correspond à ces filtres." in page


@pytest.mark.django_db
def test_malformed_query_strings_get_a_french_message_never_an_error(client, agenda, programme):
    response = client.get(
        agenda.url
        + "?type=licorne&public=%00&commune=%3Cscript%3E&periode=demain&annee=19999&page=abc"
    )
    assert response.status_code == 200
    page = text(response)
    assert "Le type d'événement « licorne » n'existe pas" in page
    assert "La période « demain » n'existe pas" in page
    assert "L'année « 19999 » n'est pas valide" in page
    assert "Le numéro de page « abc » n'est pas valide" in page
    assert "<script>" not in response.content.decode()
    assert client.get(agenda.url + "?type=a&type=b&page=999").status_code == 200


@pytest.mark.django_db
def test_the_event_page_writes_dates_in_french_typography(client, make_event):
    event = make_event(
        slug="jeudi",
        start_date=datetime.date(2031, 5, 1),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(12, 0),
    )
    assert "jeudi 1er mai 2031 de 9\u00a0h\u00a030 à 12\u00a0h" in text(client.get(event.url))
    event.end_date = datetime.date(2031, 5, 2)
    event.end_time = datetime.time(17, 0)
    assert (
        event.schedule_text
        == "du jeudi 1er mai 2031 à 9\u00a0h\u00a030 au vendredi 2 mai 2031 à 17\u00a0h"
    )


@pytest.mark.django_db
def test_an_end_before_the_start_is_refused_with_a_french_message(make_event):
    event = make_event(slug="dates")
    event.end_date = event.start_date - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.message_dict["end_date"] == ["La date de fin précède la date de début."]
    event.end_date = None
    event.end_time = datetime.time(8, 0)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "L'heure de fin doit suivre l'heure de début." in error.value.message_dict["end_time"]


@pytest.mark.django_db
def test_each_event_carries_its_schema_org_event(client, meeting):
    page = client.get(meeting.url).content.decode()
    match = re.search(
        r'<script type="application/ld\+json" nonce="[^"]+">(.*?)</script>', page, re.S
    )
    data = json.loads(match.group(1))
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["startDate"].endswith("T09:30:00+01:00") or data["startDate"].endswith(
        "T09:30:00+02:00"
    )
    assert data["location"]["address"]["addressLocality"] == "Montpellier"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["offers"]["price"] == 0
    assert data["offers"]["inventoryLevel"]["value"] == 2


@pytest.mark.django_db
def test_the_digest_source_offers_the_next_events_only(agenda, programme, locales):
    soon, later, _last_year, _past = programme
    later.status = "cancelled"
    later.save_revision().publish()
    assert [item.title for item in digest_items("events", locales.fr, 5)] == [soon.title]


@pytest.mark.django_db
def test_the_site_search_finds_events(client, programme):
    page = text(client.get("/recherche/?q=facilitateurs"))
    # The site search highlights the query's words in the titles it lists.
    assert "Formation des <mark>facilitateurs</mark>" in page


@pytest.mark.django_db
def test_the_english_agenda_lists_the_english_event_with_english_dates(
    client, agenda, english_home, locales
):
    from events.factories import EventPageFactory
    from tests.conftest import publish_translation

    event = EventPageFactory(
        parent=agenda,
        slug="reunion",
        start_date=datetime.date(2031, 5, 1),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(12, 0),
    )
    event.save_revision().publish()
    english_agenda = publish_translation(agenda, locales.en)
    english = event.copy_for_translation(locales.en)
    english.title = "Technical meeting"
    english.save_revision().publish()
    page = text(client.get(english_agenda.url))
    assert "Technical meeting" in page
    assert "Thursday 1 May 2031, 9:30 to 12:00" in page
    assert "1 upcoming event" in page
