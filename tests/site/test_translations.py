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


def test_every_string_of_the_code_is_in_the_english_catalog(tmp_path, settings, monkeypatch):
    """Extract the strings again (as `make messages` does) into a copy of the catalog: nothing new
    may appear, so no French text reaches an English page untranslated."""
    import shutil

    from django.core.management import call_command

    copy_dir = tmp_path / "en" / "LC_MESSAGES"
    copy_dir.mkdir(parents=True)
    shutil.copy(PO_FILE, copy_dir / "django.po")
    settings.LOCALE_PATHS = [tmp_path]
    monkeypatch.chdir(LOCALE_DIR.parents[1])
    call_command(
        "makemessages",
        locale=["en"],
        ignore_patterns=[".venv", "var", "tests", "benchmarks", "test-results", "site/locale"],
        no_obsolete=True,
        verbosity=0,
    )
    extracted = polib.pofile(str(copy_dir / "django.po"))
    missing = [e.msgid for e in extracted if not e.translated() or "fuzzy" in e.flags]
    assert missing == [], f"run `make messages` and translate: {missing[:10]}"
