"""The English catalog is complete and its compiled .mo matches it."""

from pathlib import Path

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parents[2] / "site" / "locale"
PO_FILE = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"
MO_FILE = PO_FILE.with_suffix(".mo")


@pytest.fixture(scope="module")
def catalog():
    assert PO_FILE.exists(), f"{PO_FILE} is missing (make messages)"
    return polib.pofile(str(PO_FILE))


def test_english_catalog_has_no_untranslated_entry(catalog):
    untranslated = [entry.msgid for entry in catalog.untranslated_entries()]
    assert untranslated == []


def test_english_catalog_has_no_fuzzy_entry(catalog):
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    assert fuzzy == []


def test_english_catalog_is_not_empty(catalog):
    assert len(catalog.translated_entries()) > 50


def test_english_catalog_is_compiled_from_the_po_file(catalog):
    assert MO_FILE.exists(), f"{MO_FILE} is missing (make messages)"
    compiled = {
        (entry.msgctxt, entry.msgid): (entry.msgstr, entry.msgstr_plural)
        for entry in polib.mofile(str(MO_FILE))
        if entry.msgid
    }
    source = {
        (entry.msgctxt, entry.msgid): (entry.msgstr, entry.msgstr_plural)
        for entry in catalog.translated_entries()
    }
    assert compiled == source


def test_english_translations_keep_the_placeholders(catalog):
    import re

    placeholder = re.compile(r"%\(\w+\)[sd]|\{\{ *\w+ *\}\}|%[sd]")
    mismatched = [
        entry.msgid
        for entry in catalog.translated_entries()
        if not entry.msgid_plural
        and sorted(placeholder.findall(entry.msgid)) != sorted(placeholder.findall(entry.msgstr))
    ]
    assert mismatched == []
