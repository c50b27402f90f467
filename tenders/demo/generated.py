"""The larger part of the demo: a few hundred generated notices of the demo's buyers (national and
eForms records, every detection reason represented) and a few hundred notified contracts (DECP
records) over three years, so that the watch's filters and the observatory's shares have something
to count. Deterministic (the same records on every run, dated from `today`), fictitious and marked
as examples."""

import copy
import datetime
import json
from pathlib import Path

from .data import BUYER_ADDRESSES, BUYERS

GENERATED_NOTICES = 300
GENERATED_CONTRACTS = 360
EFORMS_TEMPLATE = Path(__file__).parent / "data" / "eforms_notice.json"
TEMPLATE_TITLE = "Nettoyage et hygiène des locaux départementaux"
TEMPLATE_BUYER = "Département de l'Hérault"
TEMPLATE_SIRET = "22340001700014"

# (title, kind, CPV, estimated value in € HT)
SUBJECTS = [
    ("Entretien des espaces verts", "SERVICES", "77310000", 180000),
    ("Nettoyage des bâtiments communaux", "SERVICES", "90910000", 240000),
    ("Restauration scolaire et portage de repas", "SERVICES", "55524000", 900000),
    ("Collecte des encombrants et des déchets verts", "SERVICES", "90511000", 650000),
    ("Travaux de voirie et réseaux divers", "TRAVAUX", "45233140", 1200000),
    ("Réhabilitation thermique de logements sociaux", "TRAVAUX", "45453000", 6800000),
    ("Construction d'un groupe scolaire", "TRAVAUX", "45214200", 7400000),
    ("Rénovation de la toiture d'un gymnase", "TRAVAUX", "45261000", 380000),
    ("Fourniture de mobilier de bureau", "FOURNITURES", "39130000", 120000),
    ("Fourniture de vêtements de travail", "FOURNITURES", "18110000", 260000),
    ("Fourniture de denrées alimentaires biologiques", "FOURNITURES", "15000000", 420000),
    ("Blanchisserie et entretien du linge", "SERVICES", "98310000", 300000),
    ("Maintenance des installations de chauffage", "SERVICES", "50720000", 210000),
    ("Accompagnement vers l'emploi des allocataires du RSA", "SERVICES", "85312320", 1500000),
    ("Mise sous pli et reprographie", "SERVICES", "79810000", 90000),
    ("Entretien des plages et du littoral", "SERVICES", "90680000", 350000),
]
PLACES = ["Montpellier", "Béziers", "Sète", "Lunel", "Lodève", "Agde", "Frontignan", "Pézenas"]
# The wording of tenders.demo.SOCIAL_TEXTS for national records; about a third without any.
NATIONAL_SOCIAL = [
    "insertion",
    "none",
    "award",
    "facet",
    "none",
    "reserved-lot",
    "insertion-award",
    "none",
    "reserved-article",
    "strategic",
    "none",
]
EFORMS_SOCIAL = ["eforms-reserved", "eforms-strategic", "eforms-none", "eforms-execution"]
DECP_INSEE = {
    "metropole": "34172",
    "departement": "34172",
    "beziers": "34032",
    "sete": "34301",
    "lunel": "34145",
    "chu": "34172",
    "habitat": "34172",
    "lodeve": "34142",
}
DECP_CONSIDERATIONS = [
    ["Clause sociale"],
    ["Pas de considération sociale"],
    ["Pas de considération sociale"],
    ["Critère social"],
    ["Clause sociale", "Critère social"],
    ["Pas de considération sociale"],
    ["Marché réservé"],
    ["Pas de considération sociale"],
]


def national_entries():
    """Entries in the shape of data.NOTICES: (buyer, title, kind, value, cpv, social, days ago,
    European publication), and the place of execution."""
    buyers = list(BUYERS)
    entries = []
    for n in range(GENERATED_NOTICES - GENERATED_NOTICES // 5):
        title, kind, cpv, value = SUBJECTS[n % len(SUBJECTS)]
        value = value * (1 + (n * 7) % 5) // 2
        place = PLACES[(n // len(SUBJECTS)) % len(PLACES)]
        european = value >= (5404000 if kind == "TRAVAUX" else 216000)
        entries.append(
            (
                buyers[(n * 3) % len(buyers)],
                f"{title} — {place} (n° {n + 1})",
                kind,
                str(value),
                cpv,
                NATIONAL_SOCIAL[n % len(NATIONAL_SOCIAL)],
                (n * 11) % 360 + 1,
                european,
                place,
            )
        )
    return entries


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def eforms_donnees(template, title, buyer, siret, social, place="", address=None):
    """The shipped eForms notice (a reserved lot, BT-71 res-ws) as another buyer's (at `address`,
    (city, postal code)), carried out in `place`, with the social signals of `social`."""
    text = json.dumps(template, ensure_ascii=False)
    text = text.replace(TEMPLATE_TITLE, title).replace(TEMPLATE_BUYER, buyer)
    donnees = json.loads(text.replace(TEMPLATE_SIRET, siret))
    root = donnees["EFORMS"]["ContractNotice"]
    if place:
        root["cac:ProcurementProject"]["cac:RealizedLocation"] = {
            "cac:Address": {
                "cbc:CityName": place,
                "cbc:CountrySubentityCode": {"@listName": "nuts", "#text": "FRJ13"},
            }
        }
    for node in _walk(donnees):
        if "cbc:PostalZone" in node:
            if address:
                node["cbc:CityName"], node["cbc:PostalZone"] = address
            else:
                del node["cbc:CityName"], node["cbc:PostalZone"]
        if social != "eforms-reserved" and node.get("@listName") == "reserved-procurement":
            node["#text"] = "none"
        if node.get("@listName") == "reserved-execution":
            node["#text"] = "yes" if social == "eforms-execution" else "no"
    if social == "eforms-strategic":
        root["cac:ProcurementAdditionalType"] = [
            {"cbc:ProcurementTypeCode": {"@listName": "strategic-procurement", "#text": "soc-obj"}},
            {"cbc:ProcurementTypeCode": {"@listName": "social-objective", "#text": "work-cond"}},
        ]
    return donnees


def eforms_records(today, first_number):
    template = json.loads(EFORMS_TEMPLATE.read_text(encoding="utf-8"))
    buyers = list(BUYERS)
    records = []
    for n in range(GENERATED_NOTICES // 5):
        title, kind, _cpv, _value = SUBJECTS[(n * 5) % len(SUBJECTS)]
        title = f"{title} — {PLACES[n % len(PLACES)]} (avis européen n° {n + 1})"
        key = buyers[(n * 5) % len(buyers)]
        buyer, siret = BUYERS[key]
        # Every other one carried out in the place of its title, the others at the buyer's.
        place = PLACES[n % len(PLACES)] if n % 2 else ""
        published = today - datetime.timedelta(days=(n * 13) % 300 + 1)
        deadline = published + datetime.timedelta(days=40)
        social = EFORMS_SOCIAL[n % len(EFORMS_SOCIAL)]
        records.append(
            {
                "idweb": f"EX-26-{first_number + n:04d}",
                "objet": title,
                "nomacheteur": buyer,
                "famille": "JOUE",
                "code_departement": ["34"],
                "dateparution": published.isoformat(),
                "datelimitereponse": f"{deadline.isoformat()}T12:00:00+02:00",
                "nature": "APPEL_OFFRE",
                "nature_libelle": "Avis de marché",
                "type_marche": [kind],
                "procedure_libelle": "Appel d'offres ouvert",
                "criteres": None,
                "url_avis": None,
                "etat": "INITIAL",
                "donnees": json.dumps(
                    eforms_donnees(
                        copy.deepcopy(template),
                        title,
                        buyer,
                        siret,
                        social,
                        place,
                        BUYER_ADDRESSES[key],
                    ),
                    ensure_ascii=False,
                ),
            }
        )
    return records


def decp_records(today):
    """Notified contracts of the demo's buyers (DECP v2, the nested shape) over three years."""
    buyers = list(BUYERS)
    records = []
    for n in range(GENERATED_CONTRACTS):
        key = buyers[(n * 7) % len(buyers)]
        _buyer, siret = BUYERS[key]
        title, _kind, cpv, value = SUBJECTS[(n * 3) % len(SUBJECTS)]
        notified = datetime.date(today.year - 2 + n % 3, 1 + (n * 5) % 12, 1 + (n * 3) % 28)
        considerations = DECP_CONSIDERATIONS[(n + n // len(SUBJECTS) + (n % 3)) % 8]
        records.append(
            {
                "id": f"EX-{notified.year}-{n + 1:04d}",
                "acheteur": {"id": siret},
                "nature": "Marché",
                "objet": f"{title} (marché d'exemple, fictif)",
                "codeCPV": cpv,
                "procedure": "Procédure adaptée" if value < 216000 else "Appel d'offres ouvert",
                "lieuExecution": {"code": DECP_INSEE[key], "typeCode": "Code commune"},
                "dateNotification": notified.isoformat(),
                "montant": value,
                "considerationsSociales": {"considerationSociale": considerations},
            }
        )
    return records
