"""The demo directory (texts in `data/`): the communes and EPCI of the Hérault, the directory page in
French and in English (a wagtail-localize translation), facilitators covering every commune,
prescribers and example structures spread over the territories. Idempotent: actors are looked up by
slug and rewritten only when something differs."""

import datetime

from django.db import transaction

from core.demo import DemoBuilder
from core.translation import translate_page

from ..factories import DirectoryPageFactory, valid_siret
from ..management.commands.load_territories import DEFAULT_FILE, load, read_reference
from ..models import Actor, Commune, Contact, DirectoryPage, Sector
from .data import FACILITATORS, PAGE, PAGE_EN, PRESCRIBERS, STRUCTURES, TOWNS

VERIFIED_ON = datetime.date(2026, 1, 12)
# Example structures stand a little away from their town's centre, so that markers do not overlap.
OFFSETS = [(0.0, 0.0), (0.012, 0.018), (-0.011, 0.015), (0.015, -0.013), (-0.014, -0.016)]


def ensure_directory_page(home, user=None):
    page = DirectoryPage.objects.child_of(home).filter(slug=PAGE["slug"]).first()
    if page is None:
        page = DirectoryPageFactory(parent=home, locale=home.locale, **PAGE)
        page.save_revision(user=user).publish(user=user)
        page.refresh_from_db()
    return page


def _upsert_actor(slug, values, communes=(), epcis=(), sectors=(), contacts=()):
    """Create or update the actor `slug`; True when something was written."""
    actor = Actor.objects.filter(slug=slug).first() or Actor(slug=slug)
    dirty = actor.pk is None or any(getattr(actor, k) != v for k, v in values.items())
    for key, value in values.items():
        setattr(actor, key, value)
    relations = {"communes": list(communes), "epcis": list(epcis), "sectors": list(sectors)}
    for name, items in relations.items():
        current = set(getattr(actor, name).values_list("pk", flat=True)) if actor.pk else set()
        if current != {item.pk for item in items}:
            getattr(actor, name).set(items)
            dirty = True
    wanted = [tuple(contact) for contact in contacts]
    have = [(c.role, c.email, c.phone) for c in actor.contacts.all()] if actor.pk else []
    if have != wanted:
        actor.contacts = [
            Contact(role=role, email=email, phone=phone, sort_order=index)
            for index, (role, email, phone) in enumerate(wanted)
        ]
        dirty = True
    if dirty:
        actor.save()
    return dirty


def load_demo_actors():
    """The demo's actors; returns the number created or updated."""
    communes = {c.code: c for c in Commune.objects.select_related("epci")}
    epcis = {c.epci_id: c.epci for c in communes.values() if c.epci_id}
    sectors = {s.slug: s for s in Sector.objects.all()}
    changed = 0

    def place(code, offset=(0.0, 0.0)):
        commune = communes[code]
        return {
            "commune": commune,
            "postal_code": commune.postal_code_list[0],
            "latitude": round(commune.latitude + offset[0], 5),
            "longitude": round(commune.longitude + offset[1], 5),
        }

    for number, (slug, name, host, seat, served, description, description_en) in enumerate(
        FACILITATORS, start=1
    ):
        values = {
            "name": name,
            "kind": "facilitateur",
            "host_organisation": host,
            "description": description,
            "description_en": description_en,
            "siret": "",
            "address": f"{number} place de l'Emploi",
            "whole_departement": served == "34",
            "email": f"{slug}@example.org",
            "phone": f"04 67 {number:02d} 00 00",
            "opening_hours": "Mo-Fr 09:00-12:30,14:00-17:30",
            "verified_on": VERIFIED_ON,
            "published": True,
            "is_example": True,
            **place(seat),
        }
        contacts = [
            (
                "Facilitatrice clauses sociales",
                f"clauses.{slug}@example.org",
                f"04 67 {number:02d} 10 10",
            ),
            ("Accueil", f"accueil.{slug}@example.org", ""),
        ]
        served_epcis = [] if served == "34" else [epcis[code] for code in served]
        changed += _upsert_actor(slug, values, epcis=served_epcis, contacts=contacts)

    for index, (kind, name, seat, whole, description, description_en) in enumerate(PRESCRIBERS):
        slug = f"exemple-{kind}-{index + 1}"
        values = {
            "name": name,
            "kind": kind,
            "host_organisation": "",
            "description": description,
            "description_en": description_en,
            "siret": valid_siret(13_000_000_000 + index),
            "address": f"{index + 3} avenue de la République",
            "whole_departement": whole,
            "email": f"{slug}@example.org",
            "phone": "",
            "opening_hours": "Mo-Fr 08:30-16:30",
            "verified_on": VERIFIED_ON,
            "published": True,
            "is_example": True,
            **place(seat, OFFSETS[index % len(OFFSETS)]),
        }
        served_epcis = [] if whole else [communes[seat].epci]
        changed += _upsert_actor(slug, values, epcis=served_epcis)

    # Each example structure in three towns: 21 × 3 = 63 structures.
    for index, (
        kind,
        name,
        sector_slugs,
        services,
        whole,
        description,
        description_en,
    ) in enumerate(STRUCTURES):
        for copy in range(3):
            code, epci = TOWNS[(index + copy * 4) % len(TOWNS)]
            town = communes[code]
            slug = f"exemple-{kind}-{index + 1}-{copy + 1}"
            values = {
                "name": f"{name} {town.name} (exemple)",
                "kind": kind,
                "host_organisation": "",
                "description": description,
                "description_en": description_en,
                "siret": valid_siret(41_000_000_000 + index * 10 + copy),
                "address": f"{index + copy + 1} rue des Artisans",
                "whole_departement": whole,
                "email": f"{slug}@example.org",
                "phone": "",
                "opening_hours": "",
                "offers_staff_provision": "mise-a-disposition" in services,
                "offers_services": "prestation" in services,
                "offers_goods": "fabrication" in services,
                "networks": "Réseau d'exemple" if kind in ("ei", "aci", "etti") else "",
                "verified_on": VERIFIED_ON - datetime.timedelta(days=index * 7 + copy),
                "published": True,
                "is_example": True,
                **place(code, OFFSETS[(index + copy) % len(OFFSETS)]),
            }
            changed += _upsert_actor(
                slug,
                values,
                epcis=[] if whole else [epcis[epci]],
                sectors=[sectors[s] for s in sector_slugs],
            )
    return changed


class DirectoryDemo(DemoBuilder):
    """The directory page (key "directory", under the home page), the territories and the actors."""

    def prepare(self, demo):
        with transaction.atomic():
            load(read_reference(DEFAULT_FILE))
        demo.refs.pages["directory"] = ensure_directory_page(demo.refs.pages["home"], demo.admin)

    def build(self, demo):
        first_run = not Actor.objects.exists()
        with transaction.atomic():
            changed = load_demo_actors()
        if changed:
            demo.report["created" if first_run else "updated"].append(
                f"{changed} acteurs de l'annuaire"
            )
        with transaction.atomic():
            page = ensure_directory_page(demo.refs.pages["home"], demo.admin)
            if translate_page(page, PAGE_EN, demo.en, demo.admin):
                demo.report["translated"].append(page.title)
