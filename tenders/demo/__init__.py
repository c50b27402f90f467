"""The demo watch (texts in `data/`): the watch page in French and in English (a wagtail-localize
translation), and example notices of Hérault buyers written as BOAMP records and read by the
importer itself, so that every detection reason shows as it would on real notices. The notices are
fictitious: marked as examples, without a link to boamp.fr. Idempotent: a notice whose record has
not changed is left alone."""

import datetime
import json

from django.db import transaction
from django.utils import timezone

from core.demo import DemoBuilder
from core.translation import translate_page

from ..decp_import import import_contracts
from ..factories import WatchPageFactory
from ..importing import import_records
from ..models import Contract, Notice, WatchPage
from ..territories import locate_notices
from .data import BUYER_ADDRESSES, BUYERS, NOTICES, PAGE, PAGE_EN
from .generated import decp_records, eforms_records, national_entries

SOCIAL_TEXTS = {
    "insertion": (
        "conditions",
        "Conformément à l'article L. 2112-2 du code de la commande publique, le titulaire réalise "
        "une action d'insertion : 5 % des heures travaillées réservées à des personnes éloignées de "
        "l'emploi, avec l'appui du facilitateur de la MICS 34.",
    ),
    "insertion-award": (
        "criteria",
        "Prix : 50 % ; valeur technique : 35 % ; performances en matière d'insertion professionnelle "
        "des publics en difficulté : 15 %.",
    ),
    "award": (
        "criteria",
        "Prix : 55 % ; valeur technique : 30 % ; critère social (article R. 2152-7) : 15 %.",
    ),
    "reserved-article": (
        "conditions",
        "Marché réservé, en application de l'article L. 2113-13, aux structures d'insertion par "
        "l'activité économique.",
    ),
    "reserved-lot": ("reserved", ""),
    "facet": ("facet", ""),
    "strategic": ("conditions", "Clause sociale : le titulaire recrute des allocataires du RSA."),
    "none": ("", ""),
}


def ensure_watch_page(home, user=None):
    page = WatchPage.objects.child_of(home).filter(slug=PAGE["slug"]).first()
    if page is None:
        page = WatchPageFactory(parent=home, locale=home.locale, **PAGE)
        page.save_revision(user=user).publish(user=user)
        page.refresh_from_db()
    return page


def example_record(number, entry, today):
    """A national-format record; `entry` as data.NOTICES, with the place of execution (a commune)
    as a ninth item for the generated ones."""
    buyer_key, title, kind, value, cpv, social, days_ago, european = entry[:8]
    place = entry[8] if len(entry) > 8 else ""
    buyer, siret = BUYERS[buyer_key]
    published = today - datetime.timedelta(days=days_ago)
    deadline = published + datetime.timedelta(days=35)
    where, wording = SOCIAL_TEXTS[social]
    identity = {"DENOMINATION": buyer, "CODE_IDENT_NATIONAL": siret}
    if BUYER_ADDRESSES[buyer_key]:
        identity["VILLE"], identity["CP"] = BUYER_ADDRESSES[buyer_key]
    donnees = {
        "IDENTITE": identity,
        "OBJET": {
            "TITRE_MARCHE": title,
            "TYPE_MARCHE": {kind: None},
            "OBJET_COMPLET": title + " (avis d'exemple, fictif).",
            "CPV": {"PRINCIPAL": cpv},
            "LIEU_EXEC_LIVR": {"VILLE": place, "CODE_NUTS": "FRJ13"}
            if place
            else {"ADRESSE": "Hérault", "CODE_NUTS": "FRJ13"},
            "CARACTERISTIQUES": {"VALEUR": {"@TYPE": "ESTIMEE", "#text": value}},
        },
        "PROCEDURE": {
            "TYPE_PROCEDURE": {"OUVERT": None},
            "CRITERES_ATTRIBUTION": {
                "CRITERES_LIBRE": wording
                if where == "criteria"
                else "Prix : 60 % ; valeur technique : 40 %."
            },
        },
        "CONDITION_PARTICIPATION": {"CAP_TECH": "Références de moins de trois ans."},
    }
    if where == "conditions":
        donnees["CONDITION_RELATIVE_MARCHE"] = {"CONDITIONS_PARTICULIERES": wording}
    if where == "reserved":
        donnees["OBJET"]["LOTS"] = {
            "LOT": [
                {"NUM": "1", "INTITULE": title + " — lot 1"},
                {"NUM": "2", "INTITULE": title + " — lot 2 (réservé)", "MARCHE_RESERVE_OUI": None},
            ]
        }
    return {
        "idweb": f"EX-26-{number:04d}",
        "objet": title,
        "nomacheteur": buyer,
        "famille": "JOUE" if european else "MAPA",
        "code_departement": ["34"],
        "dateparution": published.isoformat(),
        "datelimitereponse": f"{deadline.isoformat()}T12:00:00+02:00",
        "nature": "APPEL_OFFRE",
        "nature_libelle": "Avis de marché",
        "type_marche": [kind],
        "procedure_libelle": "Appel d'offres ouvert" if european else "Procédure adaptée",
        "criteres": ["sociaux"] if social == "facet" else None,
        "url_avis": None,
        "etat": "INITIAL",
        "donnees": json.dumps(donnees, ensure_ascii=False),
    }


def load_example_notices(today=None, generated=False):
    """The example notices, through the importer; returns the number created or changed. The 20
    written ones, and with `generated` a few hundred more (tenders.demo.generated)."""
    today = today or timezone.localdate()
    entries = list(NOTICES) + (national_entries() if generated else [])
    records = [example_record(n, entry, today) for n, entry in enumerate(entries, start=1)]
    if generated:
        records += eforms_records(today, first_number=len(entries) + 1)
    result = import_records(records)
    Notice.objects.filter(idweb__startswith="EX-26-", is_example=False).update(is_example=True)
    # The directory's territories may have been loaded after the notices (another demo builder).
    locate_notices(Notice.objects.filter(is_example=True))
    return result.created + result.changed


def load_example_contracts(today=None):
    """The example notified contracts (DECP records), through the DECP importer; returns the
    number created or changed. Run after the notices: the buyers' names come from them."""
    result = import_contracts(decp_records(today or timezone.localdate()))
    Contract.objects.filter(contract_id__startswith="EX-", is_example=False).update(is_example=True)
    return result.created + result.changed


class TendersDemo(DemoBuilder):
    """The watch page (key "tenders", under the home page) and its example notices."""

    def prepare(self, demo):
        demo.refs.pages["tenders"] = ensure_watch_page(demo.refs.pages["home"], demo.admin)

    def build(self, demo):
        first_run = not Notice.objects.filter(is_example=True).exists()
        first_contracts = not Contract.objects.filter(is_example=True).exists()
        with transaction.atomic():
            changed = load_example_notices(generated=True)
            contracts = load_example_contracts()
        if changed:
            demo.report["created" if first_run else "updated"].append(
                f"{changed} avis de marché d'exemple"
            )
        if contracts:
            demo.report["created" if first_contracts else "updated"].append(
                f"{contracts} marchés notifiés d'exemple"
            )
        with transaction.atomic():
            page = ensure_watch_page(demo.refs.pages["home"], demo.admin)
            if translate_page(page, PAGE_EN, demo.en, demo.admin):
                demo.report["translated"].append(page.title)
