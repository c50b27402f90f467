"""Editors' CSV import of subscribers: every row reported (accepted, duplicate, suppressed,
invalid), and nothing written unless the whole file is valid.

Imported people get a confirmed consent whose source is "import", with the basis the editor states
(where and how these people agreed to receive the newsletter) and the editor's account: the proof
the GDPR asks for. No confirmation email is sent: a list the mission already collected with
consent would otherwise lose most of its readers, and asking for a stated basis on each import
keeps the responsibility where it lies. An address on the suppression list (erased, bounced,
complained) is never imported."""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.kinds import ActorKind, family_of

from .models import (
    LEGACY_AUDIENCES,
    Audience,
    AudienceKey,
    Consent,
    ConsentSource,
    Purpose,
    Subscriber,
    Suppression,
    email_hash,
    legacy_email_hash,
    normalise_email,
)

MAX_ROWS = 50_000
COLUMNS = {
    "email": {"email", "e-mail", "courriel", "adresse", "adresse électronique", "mail"},
    "name": {"name", "nom", "nom complet"},
    "organisation": {"organisation", "organization", "structure", "organisme"},
    "territory": {"territory", "territoire"},
    "audiences": {"audiences", "publics", "public", "segments"},
}


@dataclass
class RowReport:
    line: int
    email: str
    outcome: str  # accepted, duplicate, suppressed, invalid
    message: str = ""


@dataclass
class ImportReport:
    rows: list = field(default_factory=list)
    error: str = ""
    imported: bool = False

    def count(self, outcome):
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def counts(self):
        return {o: self.count(o) for o in ("accepted", "duplicate", "suppressed", "invalid")}


def decode(data):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


# The names of the segments of before the families, as older files wrote them.
LEGACY_NAMES = {
    "buyers": "acheteurs publics",
    "network": "facilitateurs et réseau",
    "companies": "entreprises et structures d'insertion",
}


def audience_lookup():
    """What a cell of the "publics" column may say, lower-cased, and the segments it stands for: a
    segment's key or name (the families of core.kinds, "Toute l'actualité"), an actor kind of the
    directory (its value or name: "esat", "Atelier et chantier d'insertion (ACI)") for its family, or
    a segment of before the families (`LEGACY_AUDIENCES`: "buyers", "network", "companies")."""
    by_key = {audience.key: audience for audience in Audience.objects.all()}
    lookup = {}
    for kind in ActorKind:
        family = by_key.get(family_of(kind))
        if family is not None:
            lookup[kind.value] = [family]
            lookup[str(kind.label).lower()] = [family]
    for old, families in LEGACY_AUDIENCES.items():
        lookup[old] = [by_key[key] for key in families if key in by_key]
        lookup[LEGACY_NAMES[old]] = lookup[old]
    for key, audience in by_key.items():
        lookup[key] = [audience]
        lookup[str(AudienceKey(key).label).lower()] = [audience]
    return lookup


def import_subscribers(data, *, basis, default_audiences, user, language="fr"):
    """Import the CSV file `data` (bytes). Returns an ImportReport; writes only when no row is
    invalid, in one transaction."""
    report = ImportReport()
    text = decode(data)
    if text is None:
        report.error = _(
            "Le fichier n'est ni en UTF-8 ni en Windows-1252 : enregistrez-le en CSV UTF-8."
        )
        return report
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, None)
    if not header:
        report.error = _("Le fichier est vide.")
        return report
    columns = {}
    for index, name in enumerate(header):
        for key, names in COLUMNS.items():
            if name.strip().lower() in names and key not in columns:
                columns[key] = index
    if "email" not in columns:
        report.error = _(
            "La première ligne doit nommer les colonnes, dont une colonne « courriel » (ou « email »)."
        )
        return report

    audiences = audience_lookup()
    existing = set(
        Subscriber.objects.filter(
            consents__purpose=Purpose.NEWSLETTER,
            consents__confirmed_at__isnull=False,
            consents__withdrawn_at=None,
        ).values_list("email", flat=True)
    )
    suppressed = set(Suppression.objects.values_list("email_hash", flat=True))
    seen = set()
    accepted = []

    def cell(row, key):
        index = columns.get(key)
        return row[index].strip() if index is not None and index < len(row) else ""

    for line, row in enumerate(reader, start=2):
        if not any(value.strip() for value in row):
            continue
        if len(report.rows) >= MAX_ROWS:
            report.error = _("Le fichier dépasse %(max)d lignes : découpez-le.") % {"max": MAX_ROWS}
            return report
        address = normalise_email(cell(row, "email"))
        try:
            validate_email(address)
        except ValidationError:
            report.rows.append(
                RowReport(line, address, "invalid", _("Adresse électronique invalide."))
            )
            continue
        wanted = list(default_audiences)
        raw_audiences = cell(row, "audiences")
        if raw_audiences:
            wanted = []
            unknown = []
            for label in filter(None, (x.strip().lower() for x in raw_audiences.split("|"))):
                if audiences.get(label):
                    wanted.extend(audiences[label])
                else:
                    unknown.append(label)
            if unknown:
                report.rows.append(
                    RowReport(
                        line,
                        address,
                        "invalid",
                        _("Public inconnu : %(names)s.") % {"names": ", ".join(unknown)},
                    )
                )
                continue
        if not wanted:
            report.rows.append(
                RowReport(line, address, "invalid", _("Aucun public pour cette adresse."))
            )
            continue
        if address in seen or address in existing:
            message = _("Déjà abonné.") if address in existing else _("Déjà présent plus haut.")
            report.rows.append(RowReport(line, address, "duplicate", message))
            continue
        # Rows older than the keyed hashes still hold the bare one (Suppression's docstring).
        if email_hash(address) in suppressed or legacy_email_hash(address) in suppressed:
            report.rows.append(
                RowReport(
                    line,
                    address,
                    "suppressed",
                    _("Adresse exclue (désinscription, rejet ou effacement) : non importée."),
                )
            )
            continue
        seen.add(address)
        report.rows.append(RowReport(line, address, "accepted"))
        accepted.append(
            (
                address,
                {k: cell(row, k)[:150] for k in ("name", "organisation", "territory")},
                wanted,
            )
        )

    if report.count("invalid") or not accepted:
        return report
    now = timezone.now()
    with transaction.atomic():
        for address, profile, wanted in accepted:
            subscriber, _created = Subscriber.objects.get_or_create(
                email=address, defaults={"language": language}
            )
            for key, value in profile.items():
                if value:
                    setattr(subscriber, key, value)
            subscriber.confirmed_at = subscriber.confirmed_at or now
            subscriber.save()
            subscriber.audiences.set(wanted)
            subscriber.consents.filter(purpose=Purpose.NEWSLETTER, withdrawn_at=None).update(
                withdrawn_at=now
            )
            Consent.objects.create(
                subscriber=subscriber,
                purpose=Purpose.NEWSLETTER,
                source=ConsentSource.IMPORT,
                wording=_("Import par un rédacteur"),
                basis=basis,
                given_at=now,
                confirmed_at=now,
                recorded_by=user,
            )
    report.imported = True
    return report
