"""The CSV/XLSX import of operations: the template, reading the file, a French report per row, and
the import itself, all or nothing.

`read_file` turns the upload into rows of text; `check_rows` turns each row into an unsaved
Operation checked as the admin form would check it (the same model validation, and the person's
territories), with the row's problems in French; `save_rows` saves them in one transaction, only
when no row has a problem.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core import reference
from core.text import fold

from . import access
from .caching import figures_changed
from .models.choices import CONTRACTS, OUTCOMES, PUBLICS, BuyerKind, ClauseType, Sector, Status
from .models.operations import FACILITATOR_KIND, Operation

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000

# (column of the file, field of Operation, kind)
COLUMNS = [
    ("annee", "year", "int"),
    ("facilitateur", "facilitator_id", "facilitator"),
    ("territoire", "territory_code", "text"),
    ("reference_marche", "contract_reference", "text"),
    ("acheteur", "buyer_name", "text"),
    ("type_acheteur", "buyer_kind", BuyerKind),
    ("objet", "contract_object", "text"),
    ("secteur", "sector", Sector),
    ("type_clause", "clause_type", ClauseType),
    ("heures_prevues", "hours_planned", "int"),
    ("heures_realisees", "hours_achieved", "int"),
    ("participants", "participants", "int"),
    ("public_dld", "public_long_term_jobseekers", "count"),
    ("public_rsa", "public_rsa", "count"),
    ("public_th", "public_disabled", "count"),
    ("public_moins_26", "public_under_26", "count"),
    ("public_siae", "public_siae", "count"),
    ("public_autres", "public_other", "count"),
    ("contrat_cdi", "contract_cdi", "count"),
    ("contrat_cdd", "contract_cdd", "count"),
    ("contrat_cddi", "contract_cddi", "count"),
    ("contrat_interim", "contract_interim", "count"),
    ("contrat_apprentissage", "contract_apprenticeship", "count"),
    ("contrat_professionnalisation", "contract_professionalisation", "count"),
    ("sortie_emploi_durable", "outcome_lasting_job", "optional"),
    ("sortie_autre_emploi", "outcome_other_job", "optional"),
    ("sortie_formation", "outcome_training", "optional"),
]
HEADERS = [column for column, _field, _kind in COLUMNS]
assert len(PUBLICS) + len(CONTRACTS) + len(OUTCOMES) == 15

EXAMPLE = [
    "2024",
    "",
    "34172",
    "MMM-2024-012",
    "Commune d'exemple",
    "commune",
    "Rénovation d'une école",
    "btp",
    "execution",
    "1200",
    "1150",
    "3",
    "1",
    "1",
    "0",
    "1",
    "0",
    "0",
    "0",
    "1",
    "2",
    "0",
    "0",
    "0",
    "1",
    "",
    "",
]


class FileProblem(Exception):
    """The file cannot be read as a table of operations (said in French)."""


@dataclass
class Row:
    line: int
    values: dict
    operation: Operation | None = None
    problems: list = field(default_factory=list)


def template_csv():
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";")
    writer.writerow(HEADERS)
    writer.writerow(EXAMPLE)
    return output.getvalue()


def template_xlsx():
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "operations"
    sheet.append(HEADERS)
    sheet.append(EXAMPLE)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _check_headers(headers):
    headers = [str(h or "").strip().lower() for h in headers]
    while headers and not headers[-1]:
        headers.pop()
    missing = [h for h in HEADERS if h not in headers]
    unknown = [h for h in headers if h not in HEADERS]
    problems = []
    if missing:
        problems.append(_("Colonnes manquantes : %(columns)s.") % {"columns": ", ".join(missing)})
    if unknown:
        problems.append(_("Colonnes inconnues : %(columns)s.") % {"columns": ", ".join(unknown)})
    if problems:
        raise FileProblem(
            " ".join(problems)
            + " "
            + _("Partez du modèle à télécharger : ses colonnes sont celles attendues.")
        )
    return headers


def read_file(name, data: bytes):
    """[(line number, {column: text})] of a CSV (UTF-8, ; or ,) or XLSX file."""
    if len(data) > MAX_BYTES:
        raise FileProblem(_("Le fichier dépasse 5 Mo : découpez-le par année."))
    if not data:
        raise FileProblem(_("Le fichier est vide."))
    if name.lower().endswith(".xlsx"):
        rows = _read_xlsx(data)
    elif name.lower().endswith(".csv"):
        rows = _read_csv(data)
    else:
        raise FileProblem(_("Déposez un fichier CSV (.csv) ou Excel (.xlsx)."))
    if not rows:
        raise FileProblem(_("Le fichier n'a pas de ligne d'en-tête."))
    headers = _check_headers(rows[0])
    found = []
    for number, cells in enumerate(rows[1:], start=2):
        cells = ["" if c is None else str(c).strip() for c in cells]
        if not any(cells):
            continue
        found.append(
            (number, dict(zip(headers, cells + [""] * (len(headers) - len(cells)), strict=False)))
        )
    if not found:
        raise FileProblem(_("Le fichier n'a aucune ligne d'opération sous l'en-tête."))
    if len(found) > MAX_ROWS:
        raise FileProblem(
            _("Le fichier a %(count)s lignes : au plus %(max)s par import.")
            % {"count": len(found), "max": MAX_ROWS}
        )
    return found


def _read_csv(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(
            _(
                "Le fichier n'est pas encodé en UTF-8 : enregistrez-le en « CSV UTF-8 » depuis "
                "votre tableur."
            )
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _read_xlsx(data):
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of errors on a damaged file
        raise FileProblem(
            _("Ce fichier Excel est illisible ou n'est pas au format .xlsx.")
        ) from None
    sheet = book.worksheets[0]
    rows = []
    for cells in sheet.iter_rows(values_only=True):
        rows.append([int(c) if isinstance(c, float) and c.is_integer() else c for c in cells])
    book.close()
    return rows


def _integer(text, label, problems, optional=False):
    cleaned = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if cleaned == "":
        if optional:
            return None
        return 0
    if not cleaned.isdigit():
        problems.append(
            _("%(column)s : « %(value)s » n'est pas un nombre entier positif.")
            % {"column": label, "value": text[:30]}
        )
        return None
    return int(cleaned)


def _choice(text, label, choices, problems):
    wanted = fold(text)
    for value, name in choices.choices:
        if wanted in (fold(value), fold(str(name))):
            return value
    problems.append(
        _("%(column)s : « %(value)s » n'est pas une valeur connue (%(values)s).")
        % {"column": label, "value": text[:40], "values": ", ".join(choices.values)}
    )
    return None


def _facilitator(text, user, problems):
    allowed = access.own_facilitator_ids(user)
    structures = reference.structures(kinds=[FACILITATOR_KIND])
    if not text:
        if allowed and len(allowed) == 1:
            return next(iter(allowed))
        problems.append(_("facilitateur : indiquez le numéro du facilitateur dans l'annuaire."))
        return None
    wanted = fold(text)
    for structure in structures:
        if text == str(structure.id) or wanted == fold(structure.name):
            if allowed is not None and structure.id not in allowed:
                problems.append(
                    _("facilitateur : vous ne pouvez déclarer que pour votre propre structure.")
                )
                return None
            return structure.id
    problems.append(
        _("facilitateur : « %(value)s » n'est pas un facilitateur de l'annuaire.")
        % {"value": text[:40]}
    )
    return None


def check_row(line, values, user):
    row = Row(line, values)
    data = {}
    for column, name, kind in COLUMNS:
        text = values.get(column, "")
        if kind in ("int", "count", "optional"):
            if kind == "int" and text == "":
                row.problems.append(_("%(column)s : valeur obligatoire.") % {"column": column})
                continue
            data[name] = _integer(text, column, row.problems, optional=kind == "optional")
        elif kind == "facilitator":
            data[name] = _facilitator(text, user, row.problems)
        elif kind == "text":
            data[name] = text
        else:
            data[name] = _choice(text, column, kind, row.problems) if text else ""
    if row.problems:
        return row
    operation = Operation(status=Status.DRAFT, **data)
    try:
        operation.full_clean()
    except ValidationError as error:
        labels = {f_name: column for column, f_name, _k in COLUMNS}
        for field_name, messages in error.message_dict.items():
            for message in messages:
                row.problems.append(f"{labels.get(field_name, field_name)} : {message}")
    if not row.problems and not access.may_change(user, operation):
        row.problems.append(
            _("territoire : « %(code)s » n'est pas un de vos territoires.")
            % {"code": operation.territory_code}
        )
    row.operation = None if row.problems else operation
    return row


def check_rows(rows, user):
    return [check_row(line, values, user) for line, values in rows]


def save_rows(rows):
    """Save every row's operation in one transaction; refuse when any row has a problem."""
    if not rows or any(row.problems for row in rows):
        raise ValueError("rows with problems are never saved")
    with transaction.atomic():
        Operation.objects.bulk_create([row.operation for row in rows])
        figures_changed()
    return len(rows)
