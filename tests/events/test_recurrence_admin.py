"""An editor writes the rule in the admin's words (how often, which weekdays, "le 2e mardi", until
or how many times) and the dates to exclude, cancel or move; a date outside the rule is refused
with a French message and nothing is saved."""

import datetime
import re

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from events.models import EventPage

from .test_recurrence import next_second_tuesdays


def form(agenda_event, days, changes):
    data = nested_form_data(
        {
            "title": "Réunion technique mensuelle",
            "slug": "reunion-mensuelle",
            "kind": "technical",
            "status": "scheduled",
            "summary": "Les facilitateurs font le point.",
            "start_date": days[0].isoformat(),
            "start_time": "09:30",
            "end_time": "12:00",
            "repeat": "monthly",
            "repeat_interval": "1",
            "repeat_week_of_month": "2",
            "repeat_count": "4",
            "organiser": "Mission Interinstitutionnelle Clause Sociale 34",
            "offer_hours": "24",
            "body": streamfield([]),
            "speakers": inline_formset([]),
            "documents": inline_formset([]),
            "occurrence_changes": inline_formset(changes),
            "action-publish": "publish",
        }
    )
    data["repeat_weekdays"] = ["TU"]  # checkboxes: one value per ticked box
    return data


@pytest.mark.django_db
def test_an_editor_publishes_a_monthly_meeting_with_a_cancelled_date(admin_client, agenda):
    days = next_second_tuesdays(4)
    url = f"/admin/pages/add/events/eventpage/{agenda.pk}/"
    page = admin_client.get(url).content.decode()
    assert 'name="repeat_weekdays"' in page and "Semaine du mois" in page
    changes = [{"original_date": days[1].isoformat(), "change": "cancelled"}]
    response = admin_client.post(url, form(agenda, days, changes))
    assert response.status_code == 302, response.content.decode()[:2000]
    event = EventPage.objects.get(slug="reunion-mensuelle")
    assert event.live and event.repeat_weekdays == "TU"
    rows = list(event.occurrences.order_by("original_date"))
    assert [row.original_date for row in rows] == days
    assert [row.cancelled for row in rows] == [False, True, False, False]
    edit = admin_client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    # The weekdays come back checked: the editor sees the rule they wrote.
    assert re.search(r'name="repeat_weekdays" value="TU"[^>]*checked', edit)
    assert not re.search(r'name="repeat_weekdays" value="MO"[^>]*checked', edit)


@pytest.mark.django_db
def test_a_date_outside_the_rule_is_refused_and_nothing_saved(admin_client, agenda):
    days = next_second_tuesdays(4)
    url = f"/admin/pages/add/events/eventpage/{agenda.pk}/"
    wednesday = days[1] + datetime.timedelta(days=1)
    changes = [{"original_date": wednesday.isoformat(), "change": "cancelled"}]
    response = admin_client.post(url, form(agenda, days, changes))
    assert response.status_code == 200
    assert "n'est pas une date de la répétition" in response.content.decode().replace("&#x27;", "'")
    assert not EventPage.objects.filter(slug="reunion-mensuelle").exists()
