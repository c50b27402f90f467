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
