"""Load (or update) the communes and EPCI of the Hérault from the reference file shipped in
directory/data/herault.json, or from another file of the same shape. Idempotent: a second run changes
nothing; a bad file changes nothing and says why, in French."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from directory.models import EPCI, Commune

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "data" / "herault.json"


class Command(BaseCommand):
    help = "Charge les communes et intercommunalités de l'Hérault (codes officiels, codes postaux)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--file", default=str(DEFAULT_FILE), help="Fichier de référence (JSON, voir le README)."
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        reference = read_reference(path)
        created, updated = load(reference)
        if options["verbosity"]:
            self.stdout.write(
                f"{len(reference['communes'])} communes et {len(reference['epci'])} "
                f"intercommunalités : {created} créées, {updated} mises à jour."
            )


def read_reference(path):
    """The reference file's content, checked; CommandError with a French message otherwise."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise CommandError(f"Le fichier {path} n'existe pas.") from error
    except UnicodeDecodeError as error:
        raise CommandError(f"Le fichier {path} n'est pas encodé en UTF-8.") from error
    except json.JSONDecodeError as error:
        raise CommandError(
            f"Le fichier {path} n'est pas du JSON valide (ligne {error.lineno}, colonne "
            f"{error.colno} : {error.msg})."
        ) from error
    if not isinstance(data, dict) or not isinstance(data.get("communes"), list):
        raise CommandError(f"Le fichier {path} ne contient pas de liste « communes ».")
    epcis = data.get("epci", [])
    if not isinstance(epcis, list):
        raise CommandError(f"Dans {path}, « epci » doit être une liste.")
    epci_codes = set()
    for number, epci in enumerate(epcis, start=1):
        code = epci.get("code", "") if isinstance(epci, dict) else ""
        if not (isinstance(code, str) and len(code) == 9 and code.isdigit()):
            raise CommandError(f"EPCI n° {number} : le code SIREN doit compter 9 chiffres.")
        if not str(epci.get("nom", "")).strip():
            raise CommandError(f"EPCI {code} : le nom manque.")
        epci_codes.add(code)
    seen = set()
    for number, commune in enumerate(data["communes"], start=1):
        if not isinstance(commune, dict):
            raise CommandError(f"Commune n° {number} : ce n'est pas un objet JSON.")
        code = commune.get("code", "")
        where = f"Commune n° {number} ({code or 'sans code'})"
        if not (isinstance(code, str) and len(code) == 5 and code[:2].isdigit()):
            raise CommandError(f"{where} : le code INSEE doit compter 5 caractères.")
        if code in seen:
            raise CommandError(f"{where} : ce code INSEE figure deux fois.")
        seen.add(code)
        if not str(commune.get("nom", "")).strip():
            raise CommandError(f"{where} : le nom manque.")
        postal = commune.get("codes_postaux")
        if not postal or not all(
            isinstance(p, str) and len(p) == 5 and p.isdigit() for p in postal
        ):
            raise CommandError(f"{where} : les codes postaux doivent compter 5 chiffres.")
        if commune.get("epci") and commune["epci"] not in epci_codes:
            raise CommandError(
                f"{where} : l'EPCI {commune['epci']} n'est pas dans la liste « epci »."
            )
        for axis in ("latitude", "longitude"):
            if not isinstance(commune.get(axis), (int, float)):
                raise CommandError(f"{where} : la {axis} manque ou n'est pas un nombre.")
    return data


@transaction.atomic
def load(reference):
    """Write the communes and EPCI; returns (created, updated) counts. Communes missing from the file
    are kept: actors may still name them, and an editor decides."""
    created = updated = 0
    for epci in reference.get("epci", []):
        values = {"name": epci["nom"], "nature": epci.get("type", "")}
        created, updated = _upsert(EPCI, epci["code"], values, created, updated)
    for commune in reference["communes"]:
        values = {
            "name": commune["nom"],
            "postal_codes": " ".join(commune["codes_postaux"]),
            "epci_id": commune.get("epci"),
            "population": commune.get("population"),
            "latitude": commune["latitude"],
            "longitude": commune["longitude"],
            "former_names": "|".join(commune.get("anciens_noms", [])),
        }
        created, updated = _upsert(Commune, commune["code"], values, created, updated)
    return created, updated


def _upsert(model, code, values, created, updated):
    item = model.objects.filter(pk=code).first()
    if item is None:
        model(pk=code, **values).save()
        return created + 1, updated
    if any(getattr(item, key) != value for key, value in values.items()):
        for key, value in values.items():
            setattr(item, key, value)
        item.save()
        return created, updated + 1
    return created, updated
