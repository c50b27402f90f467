"""The directory in the data·inclusion schema (the national standard of the inclusion offer): export of
the published actors as `structures` and of what the insertion, disability and employment structures
offer people as `services`, both validated by the schema's own pydantic models, and import of
structures through the same checks as the CSV import (the import never writes what the CSV import
would refuse).

A structure carries no territory (the schema puts it on services, `zone_eligibilite`): an imported
structure that updates an actor (same SIRET) keeps the actor's territory; an exported service carries
the actor's, by official code (INSEE for a commune, SIREN for an EPCI, "34" for the département)."""

import csv
import io
import json

from django.utils.translation import gettext as _

from data_inclusion.schema.v1 import ReseauPorteur, Service, Structure
from pydantic import ValidationError as PydanticError

from .importing import MAX_BYTES, ImportReport, RowReport, check_rows
from .models.actors import (
    DATA_INCLUSION_KINDS,
    DISABILITY_KINDS,
    SIAE_KINDS,
    Actor,
    ActorKind,
)

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


# What each kind of actor offers people, in the schema's own vocabulary. These are data in French, as
# the schema is (the export is the same whatever the visitor's language). Facilitators, buyers,
# networks and companies serve buyers and employers, not the inclusion offer: they have no service.
EMPLOYMENT = {
    "type": "accompagnement",
    "frais": "gratuit",
    "modes_accueil": ["en-presentiel"],
}
SERVICE_PROFILES = [
    (
        SIAE_KINDS,
        {
            **EMPLOYMENT,
            "nom": "Emploi en parcours d'insertion",
            "description": (
                "Un emploi salarié accompagné, pour reprendre pied dans le travail : contrat "
                "d'insertion, accompagnement social et professionnel, formation en situation de "
                "travail."
            ),
            "thematiques": [
                "trouver-un-emploi--repondre-a-des-offres-demploi",
                "preparer-sa-candidature--valoriser-ses-competences",
            ],
            "publics": ["demandeurs-emploi", "beneficiaires-des-minimas-sociaux"],
            "mobilisable_par": ["professionnels"],
        },
    ),
    (
        {ActorKind.GEIQ},
        {
            **EMPLOYMENT,
            "type": "formation",
            "nom": "Contrat en alternance qualifiant",
            "description": (
                "Un contrat de professionnalisation ou d'apprentissage chez les entreprises du "
                "groupement, avec une formation qualifiante et un accompagnement."
            ),
            "thematiques": [
                "se-former--trouver-sa-formation",
                "trouver-un-emploi--repondre-a-des-offres-demploi",
            ],
            "publics": ["demandeurs-emploi", "jeunes"],
            "mobilisable_par": ["usagers", "professionnels"],
        },
    ),
    (
        DISABILITY_KINDS,
        {
            **EMPLOYMENT,
            "nom": "Emploi accompagné en milieu adapté",
            "description": (
                "Un emploi adapté au handicap, avec un accompagnement professionnel et, si la "
                "personne le souhaite, vers un emploi en entreprise ordinaire."
            ),
            "thematiques": [
                "trouver-un-emploi--maintien-dans-lemploi",
                "trouver-un-emploi--repondre-a-des-offres-demploi",
            ],
            "publics": ["personnes-en-situation-de-handicap"],
            "mobilisable_par": ["usagers", "professionnels"],
        },
    ),
    (
        {
            ActorKind.FRANCE_TRAVAIL,
            ActorKind.CAP_EMPLOI,
            ActorKind.MISSION_LOCALE,
            ActorKind.PLIE,
            ActorKind.MAISON_EMPLOI,
            ActorKind.DEPARTEMENT,
        },
        {
            **EMPLOYMENT,
            "nom": "Accompagnement vers l'emploi",
            "description": (
                "Un conseiller suit la personne dans sa recherche d'emploi et peut l'orienter "
                "vers un parcours d'insertion ou un emploi proposé au titre d'une clause sociale."
            ),
            "thematiques": [
                "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
                "trouver-un-emploi--repondre-a-des-offres-demploi",
            ],
            "publics": ["demandeurs-emploi"],
            "mobilisable_par": ["usagers", "professionnels"],
        },
    ),
]
PUBLICS_BY_KIND = {
    ActorKind.MISSION_LOCALE: ["jeunes"],
    ActorKind.CAP_EMPLOI: ["personnes-en-situation-de-handicap"],
    ActorKind.DEPARTEMENT: ["beneficiaires-des-minimas-sociaux"],
}
HERAULT_CODE = "34"


def service_profile(kind):
    return next((profile for kinds, profile in SERVICE_PROFILES if kind in kinds), None)


def eligibility_zone(actor):
    """The territory the actor serves, by official code: "34", or its EPCI and communes."""
    if actor.whole_departement:
        return [HERAULT_CODE]
    codes = [epci.pk for epci in actor.epcis.all()] + [c.pk for c in actor.communes.all()]
    return codes or None


def service(actor, page_url=""):
    """What the actor offers people, as a data·inclusion Service (None for a kind with no
    service; raises pydantic's ValidationError if the schema refuses it)."""
    profile = service_profile(actor.kind)
    if profile is None:
        return None
    modes = [
        mode
        for mode, value in (("telephoner", actor.phone), ("envoyer-un-courriel", actor.email))
        if value
    ]
    data = {
        **profile,
        "publics": PUBLICS_BY_KIND.get(actor.kind, profile["publics"]),
        "source": SOURCE,
        "structure_id": f"{SOURCE}--{actor.pk}",
        "id": f"{SOURCE}--{actor.pk}--{actor.kind}",
        "date_maj": (actor.verified_on or actor.updated_at.date()).isoformat(),
        "lien_source": f"{page_url}{actor.slug}/" if page_url else None,
        "commune": actor.commune.name if actor.commune_id else None,
        "code_postal": actor.postal_code or None,
        "code_insee": actor.commune_id or None,
        "adresse": actor.address or None,
        "longitude": actor.longitude,
        "latitude": actor.latitude,
        "telephone": actor.phone or None,
        "courriel": actor.email or None,
        "zone_eligibilite": eligibility_zone(actor),
        "modes_mobilisation": modes or None,
        "horaires_accueil": actor.opening_hours or None,
    }
    return Service.model_validate(data)


def export_services(page_url=""):
    """(services as JSON-ready dicts, [(actor, French error)] for the actors the schema refuses)."""
    exported, refused = [], []
    actors = (
        Actor.objects.published()
        .filter(kind__in=[kind for kinds, _profile in SERVICE_PROFILES for kind in kinds])
        .select_related("commune")
        .prefetch_related("epcis", "communes")
        .order_by("pk")
    )
    for actor in actors:
        try:
            exported.append(service(actor, page_url).model_dump(mode="json"))
        except PydanticError as error:
            refused.append((actor, describe(error)))
    return exported, refused


def structures_json(structures):
    return json.dumps(structures, ensure_ascii=False, indent=2)


def services_csv(services):
    return structures_csv(services, model=Service)


def structures_csv(structures, model=Structure):
    """One column per field of the schema, lists joined with commas (as data·inclusion's CSV)."""
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=list(model.model_fields), extrasaction="ignore")
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
