"""Editors' CSV import of actors: a preview first (every row reported as new, updated or invalid),
then the import, in one transaction and only when no row is invalid: nothing is ever half-imported.

A row whose SIRET is already in the directory updates that actor (its entry is merged: the file's
non-empty cells replace the old values); two rows with the same SIRET are an error. The columns are
listed in COLUMNS and documented in the README."""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models.actors import (
    SERVICE_FIELDS,
    Actor,
    ActorKind,
    Sector,
    ServiceType,
    compact_siret,
)
from .models.territories import EPCI, Commune

MAX_ROWS = 5000
MAX_BYTES = 2 * 1024 * 1024
REQUIRED = ("nom", "type")
COLUMNS = (
    "nom",
    "type",
    "siret",
    "structure_porteuse",
    "description",
    "adresse",
    "code_postal",
    "code_insee",
    "latitude",
    "longitude",
    "telephone",
    "courriel",
    "site_web",
    "horaires",
    "secteurs",
    "prestations",
    "territoire",
    "reseaux",
    "verifie_le",
    "publie",
)
# Model fields filled straight from a cell.
TEXT_FIELDS = {
    "nom": "name",
    "structure_porteuse": "host_organisation",
    "description": "description",
    "adresse": "address",
    "code_postal": "postal_code",
    "telephone": "phone",
    "courriel": "email",
    "site_web": "website",
    "horaires": "opening_hours",
    "reseaux": "networks",
}
YES = {"oui", "o", "yes", "1", "vrai", "true", "x"}
NO = {"non", "n", "no", "0", "faux", "false", ""}
WHOLE_DEPARTEMENT = {"34", "herault", "hérault", "departement", "département"}
DECIMAL_RE = re.compile(r"^-?\d{1,3}([.,]\d+)?$")


@dataclass
class RowReport:
    line: int
    name: str
    outcome: str  # new, updated, invalid
    messages: list = field(default_factory=list)


@dataclass
class ImportReport:
    rows: list = field(default_factory=list)
    error: str = ""
    imported: bool = False
    planned: list = field(default_factory=list, repr=False)

    def count(self, outcome):
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def counts(self):
        return {o: self.count(o) for o in ("new", "updated", "invalid")}

    @property
    def valid(self):
        return not self.error and bool(self.rows) and not self.count("invalid")


def decode(data):
    """The file's text: UTF-8 (with or without BOM) or Windows-1252; None otherwise."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    # Windows-1252 decodes almost any bytes: control characters betray another encoding.
    if any(ord(ch) < 32 and ch not in "\r\n\t" for ch in text):
        return None
    return text


def read_csv(text):
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    return csv.reader(io.StringIO(text), dialect)


def parse(data):
    """Read and check the file (bytes) without writing anything: the report, with the planned
    writes of a valid file."""
    report = ImportReport()
    if len(data) > MAX_BYTES:
        report.error = _("Le fichier dépasse 2 Mo : découpez-le.")
        return report
    text = decode(data)
    if text is None:
        report.error = _(
            "Le fichier n'est ni en UTF-8 ni en Windows-1252 : enregistrez-le au format « CSV UTF-8 »."
        )
        return report
    reader = read_csv(text)
    try:
        header = [name.strip().lower() for name in next(reader, [])]
    except csv.Error:
        header = []
    if not any(header):
        report.error = _("Le fichier est vide.")
        return report
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        report.error = _(
            "Colonnes obligatoires manquantes : %(missing)s. La première ligne doit nommer les "
            "colonnes (voir la liste sous le formulaire)."
        ) % {"missing": ", ".join(missing)}
        return report
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        report.error = _("Colonnes inconnues : %(unknown)s.") % {"unknown": ", ".join(unknown)}
        return report

    def rows():
        for line, row in enumerate(reader, start=2):
            if any(value.strip() for value in row):
                yield (
                    line,
                    {
                        name: (row[index].strip() if index < len(row) else "")
                        for index, name in enumerate(header)
                        if name
                    },
                )

    try:
        return check_rows(rows(), report)
    except csv.Error as error:
        report.error = _("Le fichier CSV est mal formé : %(error)s.") % {"error": error}
        return report


def check_rows(rows, report):
    """Check each (line, cells) of `rows` into `report`: its rows and, for the valid ones, the
    planned writes."""
    context = ReferenceData()
    seen_sirets = {}
    for line, cells in rows:
        if len(report.rows) >= MAX_ROWS:
            report.error = _("Le fichier dépasse %(max)d lignes : découpez-le.") % {"max": MAX_ROWS}
            return report
        row_report, plan = parse_row(line, cells, context)
        siret = plan.values.get("siret", "")
        if siret:
            if siret in seen_sirets:
                row_report.outcome = "invalid"
                row_report.messages.append(
                    _("SIRET %(siret)s déjà présent ligne %(line)d du fichier.")
                    % {"siret": siret, "line": seen_sirets[siret]}
                )
            seen_sirets.setdefault(siret, line)
        report.rows.append(row_report)
        if row_report.outcome != "invalid":
            report.planned.append(plan)
    if not report.rows:
        report.error = _("Le fichier ne contient aucune ligne d'acteur.")
    return report


class ReferenceData:
    """The kinds, sectors and territories a file may name, read once per import."""

    def __init__(self):
        self.kinds = {}
        for value, label in ActorKind.choices:
            self.kinds[value] = value
            self.kinds[str(label).lower()] = value
        self.sectors = {}
        for sector in Sector.objects.all():
            self.sectors[sector.slug] = sector
            self.sectors[sector.name.lower()] = sector
        self.communes = set(Commune.objects.values_list("code", flat=True))
        self.epcis = set(EPCI.objects.values_list("code", flat=True))
        self.by_siret = {
            actor.siret: actor for actor in Actor.objects.exclude(siret="").only("pk", "siret")
        }


@dataclass
class Plan:
    values: dict
    sectors: list
    communes: list
    epcis: list
    existing: Actor | None = None


def parse_row(line, cells, context):
    messages = []
    values = {}
    for column, model_field in TEXT_FIELDS.items():
        if cells.get(column):
            values[model_field] = cells[column]
    name = cells.get("nom", "")
    siret = compact_siret(cells.get("siret", ""))
    existing = context.by_siret.get(siret) if siret else None
    kind = context.kinds.get(cells.get("type", "").lower())
    if kind is None and existing is not None and not cells.get("type"):
        pass  # an update keeps the actor's kind
    elif kind is None:
        messages.append(
            _("Type d'acteur inconnu : « %(kind)s ».") % {"kind": cells.get("type", "")}
            if cells.get("type")
            else _("Le type d'acteur manque.")
        )
    else:
        values["kind"] = kind
    if siret:
        values["siret"] = siret
    commune_code = cells.get("code_insee", "")
    if commune_code:
        if commune_code in context.communes:
            values["commune_id"] = commune_code
        else:
            messages.append(
                _("Commune inconnue : le code INSEE %(code)s n'est pas une commune de l'Hérault.")
                % {"code": commune_code}
            )
    coordinates = {"latitude": None, "longitude": None}
    readable = True
    for column in coordinates:
        raw = cells.get(column, "")
        if raw and DECIMAL_RE.match(raw):
            coordinates[column] = float(raw.replace(",", "."))
        elif raw:
            readable = False
            messages.append(
                _("La %(axis)s « %(value)s » n'est pas un nombre décimal.")
                % {"axis": column, "value": raw}
            )
    if not readable:
        # Checked by Actor.clean() only when both are numbers (outside the Hérault, or one alone).
        coordinates = {"latitude": None, "longitude": None}
    values.update({k: v for k, v in coordinates.items() if v is not None})

    sectors = []
    for label in split(cells.get("secteurs", "")):
        sector = context.sectors.get(label.lower())
        if sector is None:
            messages.append(_("Secteur inconnu : « %(name)s ».") % {"name": label})
        else:
            sectors.append(sector)
    for label in split(cells.get("prestations", "")):
        if label.lower() in ServiceType.values:
            values[SERVICE_FIELDS[ServiceType(label.lower())]] = True
        else:
            messages.append(
                _("Prestation inconnue : « %(name)s » (attendu : %(values)s).")
                % {"name": label, "values": ", ".join(ServiceType.values)}
            )
    communes, epcis = [], []
    for code in split(cells.get("territoire", "")):
        if code.lower() in WHOLE_DEPARTEMENT:
            values["whole_departement"] = True
        elif code in context.communes:
            communes.append(code)
        elif code in context.epcis:
            epcis.append(code)
        else:
            messages.append(
                _(
                    "Territoire inconnu : « %(code)s » n'est ni une commune (code INSEE) ni une "
                    "intercommunalité (SIREN) de l'Hérault."
                )
                % {"code": code}
            )
    verified = cells.get("verifie_le", "")
    if verified:
        parsed = parse_date(verified)
        if parsed is None:
            messages.append(
                _(
                    "Date de vérification illisible : « %(value)s » (attendu : AAAA-MM-JJ ou "
                    "JJ/MM/AAAA)."
                )
                % {"value": verified}
            )
        else:
            values["verified_on"] = parsed
    published = cells.get("publie", "oui").lower()
    if published in YES:
        values["published"] = True
    elif published in NO:
        values["published"] = False
    else:
        messages.append(_("Colonne « publie » : répondez oui ou non."))

    candidate = Actor(**{**model_defaults(existing), **values})
    try:
        # Duplicates by SIRET are merged above, not refused: no uniqueness check here.
        candidate.full_clean(
            exclude=["slug", "commune"], validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        for field_name, errors in error.message_dict.items():
            label = field_label(field_name)
            messages.extend(f"{label} : {message}" for message in errors)
    outcome = "invalid" if messages else ("updated" if existing else "new")
    plan = Plan(values, sectors, communes, epcis, existing)
    return RowReport(line, name or "—", outcome, unique(messages)), plan


def model_defaults(existing):
    if existing is None:
        return {}
    actor = Actor.objects.get(pk=existing.pk)
    return {
        f.attname: getattr(actor, f.attname)
        for f in Actor._meta.concrete_fields
        if f.attname not in ("id", "created_at", "updated_at")
    }


def field_label(name):
    try:
        return str(Actor._meta.get_field(name).verbose_name)
    except Exception:
        return name


def unique(messages):
    seen = []
    for message in messages:
        if str(message) not in seen:
            seen.append(str(message))
    return seen


def split(value):
    return [part.strip() for part in value.split("|") if part.strip()]


def parse_date(value):
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            parsed = datetime.strptime(value, pattern).date()
        except ValueError:
            continue
        return parsed if date(2000, 1, 1) <= parsed <= date.today() else None
    return None


def import_actors(data, parser=parse):
    """Parse `data` (bytes) with `parser` (this CSV format, or interop.parse_data_inclusion) and,
    when every row is valid, write all of it in one transaction."""
    report = parser(data)
    if not report.valid:
        return report
    with transaction.atomic():
        for plan in report.planned:
            actor = Actor.objects.get(pk=plan.existing.pk) if plan.existing else Actor()
            for key, value in plan.values.items():
                setattr(actor, key, value)
            actor.save()
            # Parental many-to-many relations are written by the next save().
            if plan.sectors:
                actor.sectors.set(plan.sectors)
            if plan.communes or plan.existing is None:
                actor.communes.set(plan.communes)
            if plan.epcis or plan.existing is None:
                actor.epcis.set(plan.epcis)
            actor.save()
    report.imported = True
    return report
