"""The essential data of public contracts (DECP, format v2): a small HTTP client with timeouts and
retries, and the reader of its three shapes into contracts' fields. No models here: the importer
(tenders.decp_import) writes the contracts.

- The JSON file of the published schema nests everything: `{"marches": {"marche": [...],
  "contrat-concession": [...]}}`, multiple values as `{"considerationsSociales":
  {"considerationSociale": [...]}}`; the schema's examples use flat arrays (`"marches": [...]`,
  `"considerationsSociales": [...]`): both are read.
- The consolidated flat CSV has one column a field (`acheteur_id` or `acheteur.id`...), joins
  multiple values with commas and adds the buyer's département (`acheteur_departement_code`).

A contract concession (`contrat-concession`) names its buyer `autoriteConcedante`, its value
`valeurGlobale` and its date `dateSignature`; it is read as a contract like the others."""

import csv
import io
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from core.text import fold

from .models.contracts import BuyerKind

DEPARTMENT = "34"
RETRIED_STATUSES = (429, 500, 502, 503, 504)

NO_CONSIDERATION = "Pas de considération sociale"
CLAUSE = "Clause sociale"
CRITERION = "Critère social"
RESERVED = "Marché réservé"
KNOWN_CONSIDERATIONS = {fold(v): v for v in (NO_CONSIDERATION, CLAUSE, CRITERION, RESERVED)}

# The kind of buyer from its name first (the consolidated exports give it), then from its SIREN:
# INSEE numbers public bodies by kind (1: the State, 21: communes, 22: départements, 23: régions,
# 24: intercommunalités, 26: hospitals, 27: public housing offices); the bodies created since 2015
# (200...) carry no kind in their number.
NAME_KINDS = (
    (BuyerKind.HOSPITAL, ("centre hospitalier", "chu ", "hopital", "hospitalier", "ehpad")),
    (BuyerKind.SOCIAL_HOUSING, ("habitat", "logement", " oph ")),
    (
        BuyerKind.STATE,
        (
            "prefecture",
            "ministere",
            "direction departementale",
            "direction regionale",
            "rectorat",
            " l'etat ",
            " etat ",
        ),
    ),
    (
        BuyerKind.EPCI,
        ("metropole", "communaute", "agglomeration", "agglopole", "syndicat", "intercommunal"),
    ),
    (BuyerKind.DEPARTMENT, ("departement", "conseil departemental")),
    (BuyerKind.REGION, ("region", "conseil regional")),
    (BuyerKind.COMMUNE, ("commune", "ville de", "mairie")),
)
SIREN_KINDS = (
    ("200", None),
    ("1", BuyerKind.STATE),
    ("21", BuyerKind.COMMUNE),
    ("22", BuyerKind.DEPARTMENT),
    ("23", BuyerKind.REGION),
    ("24", BuyerKind.EPCI),
    ("26", BuyerKind.HOSPITAL),
    ("27", BuyerKind.SOCIAL_HOUSING),
)
SIRET_RE = re.compile(r"\d{14}")
CPV_RE = re.compile(r"(\d{8})(?:-\d)?")


class DecpError(Exception):
    """The DECP file could not be had or read (the message says why, in French)."""


class DecpRecordError(ValueError):
    """One record that cannot be read (the message says why, in French)."""


class DecpClient:
    def __init__(self, timeout=None, retries=None, backoff=None):
        self.timeout = timeout if timeout is not None else settings.BOAMP_API_TIMEOUT
        retry = Retry(
            total=settings.BOAMP_API_RETRIES if retries is None else retries,
            backoff_factor=settings.BOAMP_API_BACKOFF if backoff is None else backoff,
            status_forcelist=RETRIED_STATUSES,
            allowed_methods=("GET",),
            respect_retry_after_header=True,
            raise_on_status=False,
        )
        self.session = requests.Session()
        self.session.mount("http://", HTTPAdapter(max_retries=retry))
        self.session.mount("https://", HTTPAdapter(max_retries=retry))
        self.session.headers["User-Agent"] = "MICS34-veille-marches/1.0"

    def fetch(self, url):
        """The file's text and its content type."""
        try:
            response = self.session.get(url, timeout=self.timeout)
        except requests.Timeout as error:
            raise DecpError(
                _("Le serveur des DECP n'a pas répondu à temps (plus de %(seconds)s secondes).")
                % {"seconds": self.timeout}
            ) from error
        except requests.RequestException as error:
            if "timed out" in str(error).lower():
                raise DecpError(
                    _("Le serveur des DECP n'a pas répondu à temps (plus de %(seconds)s secondes).")
                    % {"seconds": self.timeout}
                ) from error
            raise DecpError(
                _("Le serveur des DECP est injoignable (%(error)s).")
                % {"error": type(error).__name__}
            ) from error
        if response.status_code != 200:
            raise DecpError(
                _("Le serveur des DECP a répondu par une erreur %(status)s.")
                % {"status": response.status_code}
            )
        response.encoding = response.encoding or "utf-8"
        return response.text, response.headers.get("Content-Type", "")


def read_file(content, content_type=""):
    """The raw records of a DECP file (dicts), whatever its shape; DecpError if it is none."""
    stripped = content.lstrip("\ufeff \t\r\n")
    if "json" in content_type or stripped[:1] in ("{", "["):
        try:
            data = json.loads(stripped)
        except ValueError as error:
            raise DecpError(
                _("Le fichier des DECP n'est pas du JSON valide (ligne %(line)s).")
                % {"line": getattr(error, "lineno", "?")}
            ) from error
        return _json_records(data)
    if "csv" in content_type or "text/plain" in content_type or stripped:
        return _csv_records(stripped)
    raise DecpError(_("Le fichier des DECP est vide."))


def _json_records(data):
    marches = data.get("marches") if isinstance(data, dict) else data
    if isinstance(marches, list):
        records = marches
    elif isinstance(marches, dict) and ("marche" in marches or "contrat-concession" in marches):
        records = []
        for key in ("marche", "contrat-concession"):
            value = marches.get(key) or []
            records.extend(value if isinstance(value, list) else [value])
    else:
        raise DecpError(
            _(
                "Le fichier des DECP n'a pas la forme attendue (ni « marches » → « marche », ni "
                "une liste de marchés)."
            )
        )
    return records


def _csv_records(content):
    first_line = content.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(content), delimiter=delimiter)
    if not reader.fieldnames or not {"id", "objet"} <= {f.strip() for f in reader.fieldnames}:
        raise DecpError(
            _(
                "Le fichier des DECP n'est ni du JSON ni un CSV consolidé (colonnes « id » et "
                "« objet » attendues)."
            )
        )
    records = []
    for row in reader:
        # A flat row's keys as the JSON's paths: "acheteur_id" and "acheteur.id" alike.
        records.append(
            {
                "_csv": True,
                **{
                    (key or "").strip().replace(".", "_"): (value or "").strip()
                    for key, value in row.items()
                },
            }
        )
    return records


@dataclass
class ParsedContract:
    contract_id: str
    buyer_siret: str
    fields: dict = field(default_factory=dict)
    buyer_department: str = ""
    raw: dict = field(default_factory=dict)


def _text(value):
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    return ""


def _values(node, inner):
    """A multiple value in any of its shapes: {"inner": [...]}, [...], one string, or a
    comma-joined string (the flat CSV)."""
    if isinstance(node, dict):
        node = node.get(inner, [])
    if isinstance(node, str):
        node = node.split(",")
    if not isinstance(node, list):
        node = [node]
    return [_text(value) for value in node if _text(value)]


def _get(record, *paths):
    """The first value found at one of the dotted paths (JSON) or their flat names (CSV)."""
    for path in paths:
        if record.get("_csv"):
            value = record.get(path.replace(".", "_"), "")
        else:
            value = record
            for key in path.split("."):
                value = value.get(key) if isinstance(value, dict) else None
        if value not in (None, "", [], {}):
            return value
    return None


def _amount(value, contract_id):
    if value in (None, ""):
        return None
    raw = _text(value).replace("\u202f", "").replace(" ", "").replace(",", ".")
    try:
        number = Decimal(raw)
    except InvalidOperation:
        raise DecpRecordError(
            _("Marché %(id)s : montant illisible « %(value)s ».")
            % {"id": contract_id, "value": raw}
        ) from None
    if number < 0:
        raise DecpRecordError(
            _("Marché %(id)s : montant négatif « %(value)s ».") % {"id": contract_id, "value": raw}
        )
    return number


def buyer_kind(name, siret):
    folded = " " + " ".join(fold(name).replace("’", "'").split()) + " "
    for kind, words in NAME_KINDS:
        if any(word in folded for word in words):
            return kind
    for prefix, kind in SIREN_KINDS:
        if siret.startswith(prefix):
            return kind or BuyerKind.OTHER
    return BuyerKind.OTHER


def in_department(place_code, place_type, department=DEPARTMENT):
    """Whether a place of execution is in the département: a département code, or an INSEE commune
    or postal code of it."""
    code = place_code.strip().upper()
    kind = fold(place_type)
    if "departement" in kind:
        return code == department
    if "commune" in kind or "postal" in kind or "arrondissement" in kind or "canton" in kind:
        return code.startswith(department) and len(code) == 5
    return False


def parse_contract(record):
    """A raw DECP record as a ParsedContract; DecpRecordError (in French) if it cannot be read."""
    if not isinstance(record, dict):
        raise DecpRecordError(_("Un enregistrement n'est pas un objet JSON : écarté."))
    contract_id = _text(_get(record, "id"))
    if not contract_id:
        raise DecpRecordError(_("Un marché sans identifiant (« id ») : écarté."))
    if len(contract_id) > 64:
        raise DecpRecordError(
            _("Marché %(id)s… : identifiant de plus de 64 caractères.") % {"id": contract_id[:20]}
        )
    buyer = re.sub(r"\s", "", _text(_get(record, "acheteur.id", "autoriteConcedante.id")))
    if not SIRET_RE.fullmatch(buyer):
        raise DecpRecordError(
            _("Marché %(id)s : SIRET de l'acheteur manquant ou invalide « %(siret)s ».")
            % {"id": contract_id, "siret": buyer}
        )
    date_value = _text(_get(record, "dateNotification", "dateSignature"))
    notified_on = parse_date(date_value[:10]) if len(date_value) >= 10 else None
    if notified_on is None:
        raise DecpRecordError(
            _("Marché %(id)s : date de notification manquante ou invalide « %(date)s ».")
            % {"id": contract_id, "date": date_value}
        )
    cpv_match = CPV_RE.fullmatch(_text(_get(record, "codeCPV")))
    cpv = cpv_match.group(1) if cpv_match else ""
    considerations = []
    for value in _values(_get(record, "considerationsSociales") or [], "considerationSociale"):
        known = KNOWN_CONSIDERATIONS.get(fold(value))
        if known is None:
            raise DecpRecordError(
                _("Marché %(id)s : considération sociale inconnue « %(value)s ».")
                % {"id": contract_id, "value": value}
            )
        considerations.append(known)
    considerations = list(dict.fromkeys(considerations))
    name = _text(_get(record, "acheteur.nom", "autoriteConcedante.nom"))
    place_code = _text(_get(record, "lieuExecution.code"))
    place_type = _text(_get(record, "lieuExecution.typeCode"))
    raw = {key: value for key, value in record.items() if key != "_csv"}
    return ParsedContract(
        contract_id=contract_id,
        buyer_siret=buyer,
        buyer_department=_text(_get(record, "acheteur_departement_code", "acheteur.departement")),
        raw=raw,
        fields={
            "buyer_name": name[:400],
            "buyer_kind": buyer_kind(name, buyer),
            "nature": _text(_get(record, "nature"))[:60]
            or (_("Contrat de concession") if _get(record, "autoriteConcedante.id") else ""),
            "title": _text(_get(record, "objet")),
            "cpv_code": cpv,
            "cpv_division": cpv[:2],
            "procedure": _text(_get(record, "procedure"))[:200],
            "amount": _amount(_get(record, "montant", "valeurGlobale"), contract_id),
            "notified_on": notified_on,
            "year": notified_on.year,
            "place_code": place_code[:10],
            "place_type": place_type[:30],
            "social_considerations": considerations,
            "has_social_clause": CLAUSE in considerations,
            "has_social_criterion": CRITERION in considerations,
            "is_reserved": RESERVED in considerations,
            "has_social_consideration": any(v != NO_CONSIDERATION for v in considerations),
        },
    )
