"""The agenda on the home page (through core.sections: home/ does not know events/) and in the
demo's main menu; the month view: a month's dates in the URL, with the list's filters, previous
and next months as links, a French message for a month that is not one."""

import datetime
import html

import pytest

from core.sections import main_menu_keys

from .conftest import days_from_now


def text(response):
    return html.unescape(response.content.decode())


@pytest.mark.django_db
def test_the_home_page_shows_the_next_three_dates_and_links_to_the_agenda(
    client, agenda, make_event
):
    make_event(title="Atelier passé", slug="passe", start_date=days_from_now(-3))
    make_event(title="Annulé d'avance", slug="annule", status="cancelled")
    for n in range(1, 5):
        make_event(
            title=f"Rencontre numéro {n}", slug=f"rencontre-{n}", start_date=days_from_now(n)
        )
    page = text(client.get("/"))
    assert "Prochains événements" in page
    assert [f"Rencontre numéro {n}" in page for n in range(1, 5)] == [True, True, True, False]
    assert "Atelier passé" not in page and "Annulé d'avance" not in page
    assert 'href="/agenda/"' in page and 'href="/agenda/mois/"' in page


@pytest.mark.django_db
def test_the_home_page_without_an_agenda_shows_no_agenda_section(client, home_page):
    assert "Prochains événements" not in text(client.get("/"))


def test_the_demo_main_menu_takes_the_agenda_after_the_resources():
    keys = ["mission", "resources", "contact"]
    assert main_menu_keys(keys, {"agenda": object()}) == [
        "mission",
        "resources",
        "agenda",
        "contact",
    ]
    # A page the demo did not build is not put in the menu.
    assert main_menu_keys(keys, {}) == keys


@pytest.mark.django_db
def test_the_month_view_places_each_date_on_its_day(client, agenda, make_event):
    year = datetime.date.today().year + 1
    make_event(
        title="Journée de deux jours",
        slug="deux-jours",
        kind="promotion",
        start_date=datetime.date(year, 3, 10),
        end_date=datetime.date(year, 3, 11),
        start_time=None,
        end_time=None,
        city="Sète",
    )
    make_event(title="Réunion de mars", slug="mars", start_date=datetime.date(year, 3, 24))
    make_event(title="Réunion d'avril", slug="avril", start_date=datetime.date(year, 4, 2))
    response = client.get(agenda.url + "mois/", {"mois": f"{year}-03"})
    assert response.status_code == 200
    page = text(response)
    assert f"Mars {year}" in page and "2 événements" in page
    assert page.count("Journée de deux jours") == 2  # on the 10th and the 11th
    assert "Réunion de mars" in page and "Réunion d'avril" not in page
    assert f" 24 mars {year}</span>" in page
    assert f'href="/agenda/mois/?mois={year}-02"' in page
    assert f'href="/agenda/mois/?mois={year}-04"' in page
    # The filters of the list apply, and the months' links keep them.
    filtered = text(client.get(agenda.url + "mois/", {"mois": f"{year}-03", "type": "promotion"}))
    assert "Journée de deux jours" in filtered and "Réunion de mars" not in filtered
    assert f"?type=promotion&mois={year}-04" in filtered


@pytest.mark.django_db
def test_a_month_that_is_not_one_gets_a_french_message(client, agenda):
    for value in ("2027-13", "mars", "1850-01", "2027-02-01"):
        response = client.get(agenda.url + "mois/", {"mois": value})
        assert response.status_code == 200
        assert "n'est pas valide (attendu : 2027-01) : voici le mois en cours." in text(response)
    this_month = datetime.date.today().strftime("%Y-%m")
    assert f'value="{this_month}"' in text(client.get(agenda.url + "mois/"))


@pytest.mark.django_db
def test_a_series_shows_in_the_month_on_each_of_its_dates(client, agenda, make_event):
    monday = datetime.date.today() + datetime.timedelta(days=7 - datetime.date.today().weekday())
    make_event(title="Permanence", slug="permanence", start_date=monday, repeat="weekly")
    page = text(client.get(agenda.url + "mois/", {"mois": monday.strftime("%Y-%m")}))
    mondays = [
        day
        for day in (monday + datetime.timedelta(weeks=n) for n in range(6))
        if day.month == monday.month
    ]
    assert page.count("Permanence") == len(mondays)
    assert f"/agenda/permanence/{monday.isoformat()}/" in page
