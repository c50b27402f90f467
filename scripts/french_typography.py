"""Put French typography's non-breaking spaces into the site's texts: before ; : ! ? » and after «
(U+00A0 in place of the ordinary space a keyboard types), in templates (.html, .txt) and in the
string literals of Python modules, so that gettext's msgids, and the pages and emails built from
them, carry them. `tests/site/test_french_typography.py` finds what is left.

    .venv/bin/python scripts/french_typography.py events directory ...   (paths; files or folders)
    .venv/bin/python scripts/french_typography.py --models resources   (model modules too)
    .venv/bin/python manage.py makemessages ...   then the .po's msgids follow (make messages)

Left alone unless --models: model modules (`models.py`, `models/`: their help texts and verbose
names live in migrations, so `makemigrations <app>` follows); always: migrations, and strings that hold
SQL or no French. The English catalogue's msgstrs are kept: run `fix_catalogue()` (below) before
makemessages so that the renamed msgids keep their translations."""

import io
import re
import sys
import tokenize
from pathlib import Path

NBSP = "\u00a0"
# An ordinary space before ; : ! ? » (not "!=" of a template tag), or after «.
BEFORE = re.compile(r" ([;:!?»])(?!=)")
AFTER = re.compile(r"« ")
SQL = re.compile(r"\b(SELECT|MATCH|WHERE|INSERT|UPDATE)\b")
ROOT = Path(__file__).resolve().parents[1]
PO_FILE = ROOT / "site" / "locale" / "en" / "LC_MESSAGES" / "django.po"


def fix_text(text: str) -> str:
    """`text` with the non-breaking spaces of French typography."""
    return AFTER.sub("«" + NBSP, BEFORE.sub(NBSP + r"\1", text))


def is_model_module(path: Path) -> bool:
    return path.name == "models.py" or "models" in path.parts


def is_migration(path: Path) -> bool:
    return "migrations" in path.parts


def fix_python(source: str) -> str:
    """The string literals of `source` fixed (SQL left alone); everything else unchanged."""
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    lines = source.splitlines(keepends=True)
    # Replace from the end so that earlier positions stay valid.
    for token in reversed(tokens):
        if token.type != tokenize.STRING or SQL.search(token.string):
            continue
        fixed = fix_text(token.string)
        if fixed == token.string:
            continue
        (start_row, start_col), (end_row, end_col) = token.start, token.end
        before = lines[start_row - 1][:start_col]
        after = lines[end_row - 1][end_col:]
        lines[start_row - 1 : end_row] = [before + fixed + after]
    return "".join(lines)


def fix_file(path: Path, models: bool = False) -> bool:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        if is_migration(path) or (is_model_module(path) and not models):
            return False
        fixed = fix_python(text)
    elif path.suffix in (".html", ".txt"):
        fixed = fix_text(text)
    else:
        return False
    if fixed != text:
        path.write_text(fixed, encoding="utf-8")
        return True
    return False


def fix_catalogue(po_file: Path = PO_FILE) -> int:
    """Add, beside each msgid of the English catalogue, the msgid as the sources now write it, with
    the same translation, so that makemessages finds it translated (and drops what no source
    uses any more); returns how many were added."""
    import polib

    catalogue = polib.pofile(str(po_file), wrapwidth=78)
    known = {(entry.msgctxt, entry.msgid) for entry in catalogue}
    added = []
    for entry in catalogue:
        msgid = fix_text(entry.msgid)
        plural = fix_text(entry.msgid_plural) if entry.msgid_plural else entry.msgid_plural
        if msgid != entry.msgid and (entry.msgctxt, msgid) not in known:
            known.add((entry.msgctxt, msgid))
            added.append(
                polib.POEntry(
                    msgctxt=entry.msgctxt,
                    msgid=msgid,
                    msgid_plural=plural,
                    msgstr=entry.msgstr,
                    msgstr_plural=dict(entry.msgstr_plural),
                    flags=list(entry.flags),
                    occurrences=list(entry.occurrences),
                )
            )
    catalogue.extend(added)
    catalogue.save()
    return len(added)


def main(paths: list[str]) -> None:
    models = "--models" in paths
    paths = [path for path in paths if path != "--models"]
    changed = []
    for name in paths:
        root = Path(name)
        files = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in files:
            if path.is_file() and "static" not in path.parts and fix_file(path, models):
                changed.append(path)
    added = fix_catalogue()
    sys.stdout.write(
        f"{len(changed)} fichiers corrigés\u00a0; {added} msgids ajoutés au catalogue.\n"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
