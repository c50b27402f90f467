"""French typography: a non-breaking space before ; : ! ? » and after «, "1er" for the first of a
month, "d'un" not "de un", in the French catalogue's msgids (every word the site writes through
gettext) and in the visible text of the demo's French pages. `scripts/french_typography.py`
fixes what these tests find in templates and Python strings."""

import html
import re
from pathlib import Path

from django.test import Client

import polib
import pytest

from tests.conftest import demo_site_in_transaction

PO_FILE = (
    Path(__file__).resolve().parents[2] / "site" / "locale" / "en" / "LC_MESSAGES" / "django.po"
)
MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
FAULTS = {
    "espace ordinaire avant ; : ! ? »": re.compile(r" [;:!?»]"),
    "espace ordinaire après «": re.compile(r"« "),
    "pas d'espace avant ; ! ? »": re.compile(r"[^\W\d][;!?»](?=\s|$|<)"),
    "pas d'espace après «": re.compile(r"«\w"),
    "« 1 » au lieu de « 1er »": re.compile(rf"\b1 ({MONTHS})\b"),
    "« de un » au lieu de « d'un »": re.compile(r"\b[Dd]e une? "),
}
# Help texts of model fields whose fix changes a migration of an app this branch does not own;
# each is to be fixed with that app's next migration (and removed from here).
NEEDS_A_MIGRATION_ELSEWHERE: set[str] = set()


def faults_in(text):
    return [name for name, pattern in FAULTS.items() if pattern.search(text)]


def test_fault_patterns_catch_the_faults_and_spare_correct_french():
    assert faults_in("Quoi de neuf ?") == ["espace ordinaire avant ; : ! ? »"]
    assert faults_in("Quoi de neuf?") == ["pas d'espace avant ; ! ? »"]
    assert faults_in("« Climat »") == [
        "espace ordinaire avant ; : ! ? »",
        "espace ordinaire après «",
    ]
    assert faults_in("le 1 avril") == ["« 1 » au lieu de « 1er »"]
    assert faults_in("Indiquez de une à dix adresses.") == ["« de un » au lieu de « d'un »"]
    correct = "Quoi de neuf\u00a0? «\u00a0Climat\u00a0» le 1er avril\u00a0: d'une à dix, 14:05"
    assert faults_in(correct) == []


def test_french_catalogue_follows_french_typography():
    catalogue = polib.pofile(str(PO_FILE))
    faulty = [
        (entry.msgid, faults_in(entry.msgid), entry.occurrences[:1])
        for entry in catalogue
        if entry.msgid not in NEEDS_A_MIGRATION_ELSEWHERE
        and faults_in(entry.msgid + " " + (entry.msgid_plural or ""))
    ]
    assert faulty == []


def test_every_exempted_msgid_is_still_in_the_catalogue():
    msgids = {entry.msgid for entry in polib.pofile(str(PO_FILE))}
    assert msgids >= NEEDS_A_MIGRATION_ELSEWHERE


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    with demo_site_in_transaction(django_db_blocker):
        yield


def visible_text(response):
    """The text a visitor reads: the body without its scripts, tags and entities."""
    body = response.content.decode().split("<body", 1)[1]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return re.sub(r"\s*\n\s*", "\n", html.unescape(re.sub(r"<[^>]+>", " ", body)))


def test_french_demo_pages_follow_french_typography(demo_site, db, client):
    from django.contrib.auth import get_user_model

    from wagtail.models import Locale, Page

    pages = Page.objects.live().filter(locale=Locale.objects.get(language_code="fr"), depth__gt=1)
    # The network's pages (privacy by group) are read as the demo's member of the network.
    member = Client()
    member.force_login(get_user_model().objects.get(username="membre-reseau"))
    public = set(pages.public().values_list("pk", flat=True))
    faulty = {}
    for page in pages.specific():
        response = (client if page.pk in public else member).get(page.url)
        assert response.status_code == 200, page.url
        # Tags left as spaces give "mot ." or "mot :" where the source had "<b>mot</b> :"; only
        # the source's own spaces count, so collapse those the tags left.
        text = re.sub(r"(\w) +([;:!?»])", r"\1 \2", visible_text(response))
        lines = [line for line in text.splitlines() if faults_in(line)]
        if lines:
            faulty[page.url] = lines[:3]
    assert faulty == {}, "\n".join(f"{url}: {lines}" for url, lines in faulty.items())


def test_every_demo_page_has_an_ascii_address(demo_site, db):
    """Pages and their translations (agenda, directory and watch included): no %C3%A9 in the
    URLs, the emails or the permanent addresses."""
    from wagtail.models import Page

    faulty = [
        (page.slug, page.url_path)
        for page in Page.objects.filter(depth__gt=1)
        if not (page.slug.isascii() and page.url_path.isascii())
    ]
    assert faulty == []


def test_demo_documents_do_not_write_pdf_twice(demo_site, db, client):
    from wagtail.documents import get_document_model

    from resources.models import ResourcePage

    assert not get_document_model().objects.filter(title__icontains="(PDF)").exists()
    page = ResourcePage.objects.live().filter(attachments__isnull=False).first()
    text = visible_text(client.get(page.url))
    assert "(PDF," in text and "(PDF)" not in text


def test_long_dates_write_the_first_of_the_month_as_1er_and_keep_the_time():
    import datetime

    from django.utils import translation

    from core.templatetags.core_text import long_date, long_date_time

    moment = datetime.datetime(2027, 1, 1, 11, 0)
    with translation.override("fr"):
        assert long_date(datetime.date(2026, 12, 1)) == "1er décembre 2026"
        assert long_date(datetime.date(2026, 12, 12)) == "12 décembre 2026"
        assert long_date_time(moment) == "1er janvier 2027 à 11\u00a0h"
    with translation.override("en"):
        assert long_date_time(moment) == "1 January 2027 at 11:00"
    assert long_date(None) == "" and long_date_time(None) == ""


def test_french_times_read_14_h_30_as_in_the_agenda():
    import datetime

    from django.utils import translation

    from core.templatetags.core_text import long_date_time, time_of_day

    with translation.override("fr"):
        assert time_of_day(datetime.time(14, 30)) == "14\u00a0h\u00a030"
        assert time_of_day(datetime.time(9, 5)) == "9\u00a0h\u00a005"
        assert time_of_day(datetime.time(12, 0)) == "12\u00a0h"
        assert (
            long_date_time(datetime.datetime(2027, 4, 1, 14, 30), "weekday")
            == "jeudi 1er avril 2027 à 14\u00a0h\u00a030"
        )
    with translation.override("en"):
        assert time_of_day(datetime.time(9, 5)) == "9:05"
