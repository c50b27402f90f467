"""The registrations in the admin: moderators list, filter and export them; editors, who do not
handle personal data, cannot; an editor may add an event under the agenda only."""

from django.contrib.auth.models import Group

import pytest

from core.permissions import EDITORS, MODERATORS, configure_editor_groups
from events.models import AgendaPage, EventPage, Registration

LIST = "/admin/events/registrations/"


@pytest.fixture
def user_in(django_user_model):
    def make(group_name):
        configure_editor_groups()
        user = django_user_model.objects.create_user(
            username=group_name.lower(), password="un mot de passe assez long"
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def registrations(meeting):
    Registration.objects.create(
        event=meeting,
        name="Camille Martin",
        email="camille@example.org",
        status="confirmed",
        organisation="Mairie de Lodève",
        organisation_kind="public_buyer",
    )
    Registration.objects.create(
        event=meeting, name="Dominique Roux", email="dominique@example.org", status="waiting"
    )


@pytest.mark.django_db
def test_moderators_list_and_export_the_registrations(
    client, user_in, registrations, meeting, verified_login
):
    verified_login(client, user_in(MODERATORS))
    page = client.get(LIST, {"event": meeting.pk})
    assert page.status_code == 200
    assert "camille@example.org" in page.content.decode()
    export = client.get(LIST, {"export": "csv"})
    assert export.status_code == 200
    rows = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()
    assert rows[0].startswith("Événement,Date,Nom et prénom,Adresse électronique,Structure")
    assert any("Camille Martin" in row and "Mairie de Lodève" in row for row in rows[1:])
    xlsx = client.get(LIST, {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.django_db
def test_editors_do_not_see_the_registrations(client, user_in, registrations):
    client.force_login(user_in(EDITORS))
    response = client.get(LIST)
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_events_go_under_the_agenda_and_the_agenda_under_the_home_page():
    assert AgendaPage.clean_parent_page_models()[0]._meta.label == "home.HomePage"
    assert EventPage.clean_parent_page_models() == [AgendaPage]


@pytest.mark.django_db
def test_the_registrations_list_reads_its_rows_in_a_constant_number_of_queries(
    client, user_in, make_event, verified_login, django_assert_max_num_queries
):
    import datetime

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monday = datetime.date.today() + datetime.timedelta(days=7 - datetime.date.today().weekday())
    series = make_event(
        title="Permanence", slug="permanence", start_date=monday, repeat="weekly", repeat_count=20
    )
    dates = list(series.occurrences.all())

    def add(count, start):
        for n in range(start, start + count):
            Registration.objects.create(
                event=series,
                occurrence=dates[n % len(dates)],
                name=f"Personne {n}",
                email=f"p{n}@example.org",
                status="confirmed",
            )

    verified_login(client, user_in(MODERATORS))
    add(2, 0)
    client.get(LIST)  # warm the caches (site root, permissions) before counting
    with CaptureQueriesContext(connection) as few:
        assert client.get(LIST).status_code == 200
    add(38, 2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(LIST)
    assert page.status_code == 200
    assert page.content.decode().count("@example.org") >= 40
    with django_assert_max_num_queries(len(few.captured_queries)):
        export = client.get(LIST, {"export": "csv"})
        rows = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()
    assert len(rows) == 41


@pytest.mark.django_db
def test_the_sign_in_sheets_are_in_the_agenda_menu(client, user_in, verified_login):
    from django.test import RequestFactory

    from wagtail.admin.menu import admin_menu

    request = RequestFactory().get("/admin/")
    request.user = user_in(MODERATORS)
    items = {item.name: item for item in admin_menu.menu_items_for_request(request)}
    assert "sign-in-sheets" not in items  # no longer a top-level entry
    agenda = next(item for item in items.values() if str(item.label) == "Agenda")
    names = [item.name for item in agenda.menu.menu_items_for_request(request)]
    assert names == ["inscriptions", "sign-in-sheets"]
    verified_login(client, request.user)
    assert client.get("/admin/events/sign-in/").status_code == 200
