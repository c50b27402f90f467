"""The directory in the data·inclusion schema (the national standard of the inclusion offer): export of
the published actors as `structures`, validated by the schema's own pydantic models, and import of
structures through the same checks as the CSV import (the import never writes what the CSV import
would refuse).

A structure carries no territory (the schema puts it on services, `zone_eligibilite`): an imported
structure that updates an actor (same SIRET) keeps the actor's territory."""

import csv
import io
import json

from django.utils.translation import gettext as _

from data_inclusion.schema.v1 import ReseauPorteur, Structure
from pydantic import ValidationError as PydanticError

from .importing import MAX_BYTES, ImportReport, RowReport, check_rows
from .models.actors import DATA_INCLUSION_KINDS, Actor

SOURCE = "mics34"
CSV_LIST_SEPARATOR = ","
KNOWN_NETWORKS = {member.value for member in ReseauPorteur}


def structure(actor, page_url=""):
    """The actor as a data·inclusion Structure (raises pydantic's ValidationError if it is not one)."""
    data = {
        "source": SOURCE,
        "id": f"{SOURCE}--{actor.pk}",
        "nom": actor.name,
        "date_maj": (actor.verified_on or actor.updated_at.date()).isoformat(),
        "description": actor.description if len(actor.description) >= 5 else None,
        "lien_source": f"{page_url}{actor.slug}/" if page_url else None,
        "siret": actor.siret or None,
        "commune": actor.commune.name if actor.commune_id else None,
        "code_postal": actor.postal_code or None,
        "code_insee": actor.commune_id or None,
        "adresse": actor.address or None,
        "longitude": actor.longitude,
        "latitude": actor.latitude,
        "telephone": actor.phone or None,
        "courriel": actor.email or None,
        "site_web": actor.website or None,
        "horaires_accueil": actor.opening_hours or None,
        "reseaux_porteurs": [actor.kind] if actor.kind in DATA_INCLUSION_KINDS else None,
    }
    return Structure.model_validate(data)


def export_structures(page_url=""):
    """(structures as JSON-ready dicts, [(actor, French error)] for the actors the schema refuses)."""
    exported, refused = [], []
    actors = Actor.objects.published().select_related("commune").order_by("pk")
    for actor in actors:
        try:
            exported.append(structure(actor, page_url).model_dump(mode="json"))
        except PydanticError as error:
            refused.append((actor, describe(error)))
    return exported, refused


def structures_json(structures):
    return json.dumps(structures, ensure_ascii=False, indent=2)


def structures_csv(structures):
    """One column per field of the schema, lists joined with commas (as data·inclusion's CSV)."""
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=list(Structure.model_fields), extrasaction="ignore")
    writer.writeheader()
    for item in structures:
        writer.writerow(
            {
                key: CSV_LIST_SEPARATOR.join(sorted(value))
                if isinstance(value, list)
                else ("" if value is None else value)
                for key, value in item.items()
            }
        )
    return output.getvalue()


def describe(error):
    return "; ".join(
        f"{'.'.join(str(part) for part in item['loc'])} : {item['msg']}" for item in error.errors()
    )


def parse_data_inclusion(data):
    """Read a JSON list of data·inclusion structures (bytes) into an ImportReport, each structure
    validated by the schema, then checked as a CSV row would be."""
    report = ImportReport()
    if len(data) > MAX_BYTES:
        report.error = _("Le fichier dépasse 2 Mo : découpez-le.")
        return report
    try:
        items = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        report.error = _("Le fichier JSON doit être encodé en UTF-8.")
        return report
    except json.JSONDecodeError as error:
        report.error = _("Ce n'est pas du JSON valide (ligne %(line)d : %(msg)s).") % {
            "line": error.lineno,
            "msg": error.msg,
        }
        return report
    if not isinstance(items, list):
        report.error = _("Le fichier doit contenir une liste de structures data·inclusion.")
        return report
    rows = []

    for number, item in enumerate(items, start=1):
        try:
            parsed = Structure.model_validate(item)
        except PydanticError as error:
            name = item.get("nom", "—") if isinstance(item, dict) else "—"
            report.rows.append(
                RowReport(
                    number,
                    str(name)[:150],
                    "invalid",
                    [
                        _("Structure refusée par le schéma data·inclusion : %(e)s")
                        % {"e": describe(error)}
                    ],
                )
            )
            continue
        rows.append((number, cells_of(parsed)))
    invalid = list(report.rows)
    report.rows = []
    check_rows(rows, report)
    report.rows = sorted(invalid + report.rows, key=lambda row: row.line)
    if invalid and report.error == _("Le fichier ne contient aucune ligne d'acteur."):
        report.error = ""
    return report


def cells_of(parsed):
    """A structure as the cells of a CSV row (importing.COLUMNS)."""
    kinds = [value.value for value in parsed.reseaux_porteurs or []]
    kind = next((k for k in kinds if k in DATA_INCLUSION_KINDS), "")
    return {
        "nom": parsed.nom,
        "type": kind,
        "siret": parsed.siret or "",
        "description": parsed.description or "",
        "adresse": parsed.adresse or "",
        "code_postal": parsed.code_postal or "",
        "code_insee": parsed.code_insee or "",
        "latitude": "" if parsed.latitude is None else str(parsed.latitude),
        "longitude": "" if parsed.longitude is None else str(parsed.longitude),
        "telephone": parsed.telephone or "",
        "courriel": parsed.courriel or "",
        "site_web": str(parsed.site_web) if parsed.site_web else "",
        "horaires": parsed.horaires_accueil or "",
        "verifie_le": parsed.date_maj.isoformat(),
    }
