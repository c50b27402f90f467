"""A BOAMP record (the opendatasoft dataset `boamp`) read into a notice's fields.

The flat fields (`idweb`, `objet`, `nomacheteur`, `type_marche`...) come with every record; `donnees`
is a JSON string in one of two formats: the national one (`IDENTITE`, `OBJET`, `PROCEDURE`,
`CONDITION_PARTICIPATION`...) or the European eForms one (`EFORMS` → `ContractNotice`, UBL names
such as `cac:ProcurementProjectLot`). Both come from XML: a node may be a string, an object with
"#text" and "@attributes", a list, or an empty object for a flag (`{"OUVERT": null}`)."""

import datetime
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

KINDS = {"TRAVAUX": "TRAVAUX", "FOURNITURES": "FOURNITURES", "SERVICES": "SERVICES"}
EFORMS_KINDS = {"works": "TRAVAUX", "supplies": "FOURNITURES", "services": "SERVICES"}
EFORMS_ROOTS = ("ContractNotice", "PriorInformationNotice", "ContractAwardNotice")


class RecordError(ValueError):
    """A record that cannot be read (the message says why, in French)."""


def as_list(value):
    """A node as a list: XML turned into JSON gives an object for one child, a list for several;
    opendatasoft's multivalued fields may come as a JSON string."""
    if value is None:
        return []
    if isinstance(value, str) and value.startswith("["):
        try:
            value = json.loads(value)
        except ValueError:
            return [value]
    return value if isinstance(value, list) else [value]


ASCII_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def text(value):
    """The text of a node (a string, a number or {"#text": ...}), "" when it has none."""
    if isinstance(value, str):
        # Runs of spaces, tabs and line breaks become one space; non-breaking spaces (French
        # typography's, before ":" or in "5 %") are kept.
        return ASCII_SPACES.sub(" ", value).strip(" ")
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict) and "#text" in value:
        return text(value["#text"])
    return ""


def strings(node):
    """Every text found under a node, in document order."""
    if isinstance(node, dict):
        for key, value in node.items():
            if not key.startswith("@"):
                yield from strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from strings(item)
    else:
        value = text(node)
        if value:
            yield value


def find(node, wanted):
    """Every value under a key named `wanted` (a predicate on the key), at any depth."""
    if isinstance(node, dict):
        for key, value in node.items():
            if wanted(key):
                yield value
            yield from find(value, wanted)
    elif isinstance(node, list):
        for item in node:
            yield from find(item, wanted)


def first(node, *path):
    """The first node along `path` (each step takes the first item of a list), or None."""
    for key in path:
        node = as_list(node)[0] if isinstance(node, list) and node else node
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def coded(node, list_name):
    """The codes of the eForms code nodes under `node` whose @listName is `list_name`."""
    return [
        text(value)
        for value in find(node, lambda key: key.startswith("cbc:"))
        for value in as_list(value)
        if isinstance(value, dict) and value.get("@listName") == list_name and text(value)
    ]


def amount(value):
    raw = text(value).replace("\u202f", "").replace(" ", "").replace(",", ".")
    try:
        number = Decimal(raw)
    except InvalidOperation:
        return None
    return number if number > 0 else None


SIRET_RE = re.compile(r"\d{14}")


def siret(value):
    digits = re.sub(r"\s", "", text(value))
    return digits if SIRET_RE.fullmatch(digits) else ""


@dataclass
class Texts:
    """The passages the detection rules read, by where they come from."""

    execution: list = field(default_factory=list)
    award: list = field(default_factory=list)
    other: list = field(default_factory=list)


@dataclass
class ParsedRecord:
    idweb: str
    fields: dict
    kind: str  # "initial", "rectificatif", "annulation", "attribution"
    target: str  # the idweb of the notice a rectification or cancellation concerns
    facets: list
    reserved_signals: list
    eforms_codes: dict
    texts: Texts
    raw: dict


def _publication_kind(record):
    marks = " ".join(text(record.get(key)) for key in ("nature", "etat", "nature_libelle")).upper()
    if "ATTRIBUTION" in marks or "RESULTAT" in marks:
        return "attribution"
    if "ANNUL" in marks:
        return "annulation"
    if "RECTIF" in marks:
        return "rectificatif"
    return "initial"


def _linked(record):
    for key in ("annonce_lie", "annonces_anterieures"):
        for value in as_list(record.get(key)):
            linked = text(value) or text(first(value, "idweb"))
            if linked:
                return linked
    return ""


def _address(city=None, postal_code=None, line=None):
    """An address as the watch keeps it for locating a notice: only the parts given."""
    found = {"city": text(city), "postal_code": text(postal_code), "text": text(line)}
    return {key: value[:200] for key, value in found.items() if value}


def _national(donnees, fields, texts, reserved):
    identity = first(donnees, "IDENTITE") or {}
    place = first(donnees, "OBJET", "LIEU_EXEC_LIVR") or {}
    fields["location"] = {
        name: address
        for name, address in (
            (
                "place",
                _address(first(place, "VILLE"), first(place, "CP"), first(place, "ADRESSE"))
                if isinstance(place, dict)
                else _address(line=place),
            ),
            ("buyer", _address(first(identity, "VILLE"), first(identity, "CP"))),
        )
        if address
    }
    fields["buyer_siret"] = siret(first(identity, "CODE_IDENT_NATIONAL")) or siret(
        first(identity, "SIRET")
    )
    if not fields["buyer_name"]:
        fields["buyer_name"] = text(first(identity, "DENOMINATION"))
    subject = first(donnees, "OBJET") or {}
    cpv = [text(first(node, "PRINCIPAL")) for node in as_list(first(subject, "CPV"))]
    lots = []
    for number, lot in enumerate(as_list(first(subject, "LOTS", "LOT")), start=1):
        lot_cpv = [text(first(node, "PRINCIPAL")) for node in as_list(first(lot, "CPV"))]
        cpv.extend(lot_cpv)
        lots.append(
            {
                "number": text(first(lot, "NUM")) or str(number),
                "title": text(first(lot, "INTITULE")) or text(first(lot, "DESCRIPTION"))[:200],
                "estimated_value": str(amount(first(lot, "VALEUR")) or ""),
            }
        )
    fields["cpv_codes"] = list(dict.fromkeys(code for code in cpv if code))
    fields["lots"] = lots
    value = first(subject, "CARACTERISTIQUES", "VALEUR") or first(subject, "VALEUR_TOTALE")
    fields["estimated_value"] = amount(value)
    if fields["estimated_value"] is None and lots:
        values = [Decimal(lot["estimated_value"]) for lot in lots if lot["estimated_value"]]
        fields["estimated_value"] = sum(values) if values else None
    if not fields["contract_kind"]:
        kind = first(subject, "TYPE_MARCHE")
        fields["contract_kind"] = next(
            (k for k in KINDS if isinstance(kind, dict) and k in kind), ""
        )
    for key_value in find(donnees, lambda key: key in ("MARCHE_RESERVE_OUI", "MARCHE_RESERVE")):
        if key_value is not False and text(key_value).upper() not in ("NON", "FALSE"):
            reserved.append(_("Marché réservé déclaré dans l'avis (MARCHE_RESERVE_OUI)"))
            break
    for key in ("ATELIERS_PROTEGES", "EMPLOIS_PROTEGES", "PRESTATION_RESERVEE"):
        for key_value in find(donnees, lambda name, key=key: name == key):
            if key_value is not False and text(key_value).upper() not in ("NON", "FALSE"):
                reserved.append(
                    _("Marché réservé déclaré dans l'avis (%(field)s)") % {"field": key}
                )
    for section in find(donnees, lambda key: "CONDITION" in key and "DELAI" not in key):
        texts.execution.extend(strings(section))
    for section in find(donnees, lambda key: key.startswith("CRITERE")):
        texts.award.extend(strings(section))
    texts.other.extend(strings(donnees))


def _eforms(donnees, fields, texts, reserved, codes):
    envelope = donnees["EFORMS"]
    root = next((envelope[name] for name in EFORMS_ROOTS if name in envelope), None)
    if not isinstance(root, dict):
        raise RecordError(_("Avis eForms sans avis de marché reconnu dans « donnees »."))
    project = first(root, "cac:ProcurementProject") or {}
    lots_nodes = as_list(root.get("cac:ProcurementProjectLot"))
    cpv = [
        text(first(node, "cbc:ItemClassificationCode"))
        for node in find(root, lambda key: key.endswith("CommodityClassification"))
        for node in as_list(node)
    ]
    fields["cpv_codes"] = list(dict.fromkeys(code for code in cpv if code))
    lots = []
    for lot in lots_nodes:
        lot_project = first(lot, "cac:ProcurementProject") or {}
        lots.append(
            {
                "number": text(first(lot, "cbc:ID")),
                "title": text(first(lot_project, "cbc:Name")),
                "estimated_value": str(
                    amount(
                        first(
                            lot_project,
                            "cac:RequestedTenderTotal",
                            "cbc:EstimatedOverallContractAmount",
                        )
                    )
                    or ""
                ),
            }
        )
    fields["lots"] = lots
    value = amount(first(project, "cac:RequestedTenderTotal", "cbc:EstimatedOverallContractAmount"))
    if value is None:
        values = [Decimal(lot["estimated_value"]) for lot in lots if lot["estimated_value"]]
        value = sum(values) if values else None
    fields["estimated_value"] = value
    if not fields["contract_kind"]:
        natures = coded(project, "contract-nature") or coded(lots_nodes, "contract-nature")
        fields["contract_kind"] = EFORMS_KINDS.get(natures[0], "") if natures else ""
    buyer_id = text(
        first(root, "cac:ContractingParty", "cac:Party", "cac:PartyIdentification", "cbc:ID")
    )
    # The place of performance (BT-5101 to BT-5141): the project's, else the first lot's.
    places = [
        node
        for scope in [project, *[first(lot, "cac:ProcurementProject") for lot in lots_nodes]]
        for node in as_list(first(scope, "cac:RealizedLocation"))
    ]
    place = places[0] if places else {}
    address = first(place, "cac:Address")
    fields["location"] = {
        "place": _address(
            first(address, "cbc:CityName"),
            first(address, "cbc:PostalZone"),
            first(place, "cbc:Description"),
        )
    }
    for organisation in find(root, lambda key: key == "efac:Organization"):
        for org in as_list(organisation):
            company = first(org, "efac:Company") or {}
            if text(first(company, "cac:PartyIdentification", "cbc:ID")) == buyer_id:
                fields["buyer_siret"] = siret(
                    first(company, "cac:PartyLegalEntity", "cbc:CompanyID")
                )
                if not fields["buyer_name"]:
                    fields["buyer_name"] = text(first(company, "cac:PartyName", "cbc:Name"))
                postal = first(company, "cac:PostalAddress") or {}
                fields["location"]["buyer"] = _address(
                    first(postal, "cbc:CityName"), first(postal, "cbc:PostalZone")
                )
    fields["location"] = {name: value for name, value in fields["location"].items() if value}
    fields.setdefault("buyer_siret", "")
    codes["reserved-procurement"] = [
        code for code in coded(root, "reserved-procurement") if code != "none"
    ]
    codes["reserved-execution"] = [
        code for code in coded(root, "reserved-execution") if code == "yes"
    ]
    codes["strategic-procurement"] = coded(root, "strategic-procurement")
    codes["social-objective"] = coded(root, "social-objective")
    for code in codes["reserved-procurement"]:
        reserved.append(_("Participation réservée (eForms BT-71 : %(code)s)") % {"code": code})
    if codes["reserved-execution"]:
        reserved.append(_("Exécution réservée aux programmes d'emplois protégés (eForms BT-736)"))
    for node in find(
        root,
        lambda key: (
            key
            in (
                "cac:ContractExecutionRequirement",
                "cac:SpecificTendererRequirement",
                "cac:TendererQualificationRequest",
            )
        ),
    ):
        texts.execution.extend(strings(node))
    for node in find(root, lambda key: key == "cac:AwardingTerms"):
        texts.award.extend(strings(node))
    texts.other.extend(strings(root))


def parse_record(record):
    """A ParsedRecord from one record of the API; RecordError (in French) when it cannot be read."""
    if not isinstance(record, dict):
        raise RecordError(_("Enregistrement illisible : ce n'est pas un objet JSON."))
    idweb = text(record.get("idweb"))
    if not idweb:
        raise RecordError(_("Enregistrement sans identifiant « idweb »."))
    published = parse_date(text(record.get("dateparution"))[:10] or "")
    if published is None:
        raise RecordError(
            _("Avis %(idweb)s : date de parution absente ou illisible.") % {"idweb": idweb}
        )
    deadline_text = text(record.get("datelimitereponse"))
    try:
        deadline = parse_datetime(deadline_text) if deadline_text else None
        if deadline is None and deadline_text:
            day = parse_date(deadline_text[:10])
            deadline = (
                datetime.datetime.combine(day, datetime.time(12), datetime.UTC) if day else None
            )
    except ValueError:
        deadline = None
    if deadline is not None and deadline.tzinfo is None:
        deadline = deadline.replace(tzinfo=datetime.UTC)
    kinds = [
        KINDS[k]
        for k in (text(v).upper() for v in as_list(record.get("type_marche")))
        if k in KINDS
    ]
    fields = {
        "buyer_name": text(record.get("nomacheteur"))[:400],
        "buyer_siret": "",
        "title": text(record.get("objet")),
        "contract_kind": kinds[0] if kinds else "",
        "nature": text(record.get("nature_libelle")) or text(record.get("nature")),
        "family": text(record.get("famille")),
        "procedure": text(record.get("procedure_libelle")) or text(record.get("type_procedure")),
        "descriptors": [text(v) for v in as_list(record.get("descripteur_libelle")) if text(v)],
        "departments": [text(v) for v in as_list(record.get("code_departement")) if text(v)],
        "published_on": published,
        "deadline": deadline,
        "url": text(record.get("url_avis"))[:500],
        "cpv_codes": [],
        "lots": [],
        "estimated_value": None,
        "location": {},
    }
    texts = Texts()
    reserved = []
    codes = {}
    donnees = record.get("donnees")
    if isinstance(donnees, str) and donnees.strip():
        try:
            donnees = json.loads(donnees)
        except ValueError as error:
            raise RecordError(
                _("Avis %(idweb)s : le champ « donnees » n'est pas du JSON valide.")
                % {"idweb": idweb}
            ) from error
    if isinstance(donnees, dict) and "EFORMS" in donnees:
        fields["source_format"] = "eforms"
        _eforms(donnees, fields, texts, reserved, codes)
    elif isinstance(donnees, dict) and ({"OBJET", "IDENTITE", "PROCEDURE"} & donnees.keys()):
        fields["source_format"] = "national"
        _national(donnees, fields, texts, reserved)
    elif donnees in (None, "", {}):
        fields["source_format"] = "aucun"
    else:
        raise RecordError(_("Avis %(idweb)s : format de « donnees » inconnu.") % {"idweb": idweb})
    if not fields["title"]:
        raise RecordError(_("Avis %(idweb)s : objet du marché absent.") % {"idweb": idweb})
    texts.other.insert(0, fields["title"])
    kind = _publication_kind(record)
    target = _linked(record) if kind in ("rectificatif", "annulation") else ""
    if kind in ("rectificatif", "annulation") and not target:
        raise RecordError(
            _("Avis %(idweb)s : rectificatif ou annulation sans avis lié (« annonce_lie »).")
            % {"idweb": idweb}
        )
    return ParsedRecord(
        idweb=idweb,
        fields=fields,
        kind=kind,
        target=target,
        facets=[text(v).lower() for v in as_list(record.get("criteres")) if text(v)],
        reserved_signals=reserved,
        eforms_codes=codes,
        texts=texts,
        raw=record,
    )
