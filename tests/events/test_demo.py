"""The demo agenda's English pages have English addresses (ASCII slugs, like every page)."""

import pytest

from core.translation import translate_page
from events.demo import AGENDA, ENGLISH_SLUGS, english_values, ensure_agenda, load_demo_events
from events.models import EventPage


@pytest.mark.django_db
def test_the_english_demo_events_have_english_ascii_slugs(home_page, english_home, locales):
    agenda = ensure_agenda(home_page)
    load_demo_events(agenda, None)
    assert translate_page(agenda, AGENDA["en"], locales.en)
    french = EventPage.objects.child_of(agenda).get(slug="webinaire-marches-reserves")
    translate_page(french, english_values(french), locales.en)
    english = french.get_translation(locales.en)
    assert english.live and english.slug == "reserved-contracts-webinar"
    assert english.url == "/en/events/reserved-contracts-webinar/"
    assert set(ENGLISH_SLUGS) == set(
        EventPage.objects.child_of(agenda).values_list("slug", flat=True)
    )
    assert all(slug.isascii() for slug in ENGLISH_SLUGS.values())
