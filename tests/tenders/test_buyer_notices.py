"""The watch's notices of one buyer, offered through core.watch to the members' space: matched on the
buyer's name case and accents aside, or on a name that only adds to it after a space or a
punctuation mark, latest first, each linked to its page in the watch."""

import datetime

import pytest

from core.watch import buyer_notices
from tenders.factories import NoticeFactory
from tenders.models import NoticeState

pytestmark = pytest.mark.django_db


def test_a_buyer_s_notices_latest_first_with_their_page_in_the_watch(watch_page):
    older = NoticeFactory(
        idweb="26-10001", buyer_name="Commune de Lunel", published_on=datetime.date(2026, 3, 1)
    )
    newer = NoticeFactory(
        idweb="26-10002",
        buyer_name="COMMUNE DE LUNEL - Service des marchés",
        published_on=datetime.date(2026, 9, 1),
        has_social_consideration=True,
    )
    cancelled = NoticeFactory(
        idweb="26-10003",
        buyer_name="commune de lunel",
        published_on=datetime.date(2026, 6, 1),
        state=NoticeState.CANCELLED,
    )
    NoticeFactory(idweb="26-10004", buyer_name="Commune de Lunel-Viel")
    NoticeFactory(idweb="26-10005", buyer_name="Ville de Sète")

    notices = buyer_notices("Commune de  Lunel")
    assert [n.title for n in notices] == [newer.title, cancelled.title, older.title]
    assert notices[0].url == f"{watch_page.url}avis/26-10002/"
    assert notices[0].has_social_consideration and not notices[0].cancelled
    assert notices[1].cancelled


def test_accents_and_case_aside(watch_page):
    notice = NoticeFactory(idweb="26-10011", buyer_name="Département de l'Hérault")
    assert [n.title for n in buyer_notices("departement de l'herault")] == [notice.title]


def test_never_inside_a_word_and_never_for_an_empty_name(watch_page):
    NoticeFactory(idweb="26-10021", buyer_name="Commune de Lunel")
    assert buyer_notices("Commune de Lune") == []
    assert buyer_notices("   ") == []


def test_the_limit_keeps_the_latest(watch_page):
    for day in range(1, 6):
        NoticeFactory(buyer_name="CHU de Montpellier", published_on=datetime.date(2026, 5, day))
    notices = buyer_notices("CHU de Montpellier", limit=2)
    assert [n.published_on.day for n in notices] == [5, 4]
