"""The demo observatory (texts in `data/`): the page in French and English, and ten years of
operations of nine facilitators of the directory, marked as demonstration data. 2016 and 2017 add up
to the totals the mission published. Idempotent: the operations are written once."""

import math
import random

from django.db import transaction

from core import reference
from core.demo import DemoBuilder
from core.translation import translate_page

from ..models import BuyerKind, ClauseType, ObservatoryPage, Operation, Status
from ..models.choices import CONTRACTS, OUTCOMES, PUBLICS
from ..models.operations import FACILITATOR_KIND, MAX_HOURS_PER_PARTICIPANT
from .data import (
    FACILITATOR_COUNT,
    OBJECTS,
    OPERATIONS_PER_FACILITATOR,
    PAGE,
    PAGE_EN,
    SUBMITTED_FACILITATORS,
    SUBMITTED_OPERATIONS,
    YEAR_TOTALS,
)

SECTOR_WEIGHTS = {
    "btp": 10,
    "proprete": 4,
    "espaces-verts": 4,
    "services": 3,
    "dechets": 2,
    "restauration": 1,
    "autre": 1,
}
CLAUSE_WEIGHTS = {
    ClauseType.EXECUTION: 12,
    ClauseType.AWARD: 3,
    ClauseType.RESERVED_SIAE: 3,
    ClauseType.RESERVED_DISABLED: 1,
    ClauseType.RESERVED_ESS: 1,
}


def ensure_observatory_page(home, user=None):
    page = ObservatoryPage.objects.child_of(home).filter(slug=PAGE["slug"]).first()
    if page is None:
        page = ObservatoryPage(locale=home.locale, **PAGE)
        home.add_child(instance=page)
        page.save_revision(user=user).publish(user=user)
        page.refresh_from_db()
    return page


def demo_facilitators():
    """Nine facilitators of the directory that serve territories (not the whole département)."""
    found = [s for s in reference.structures(kinds=[FACILITATOR_KIND]) if s.territory_codes]
    return found[:FACILITATOR_COUNT]


def _split(rng, total, count):
    """`count` non-negative integers adding up to `total`, at random."""
    if count == 1:
        return [total]
    cuts = sorted(rng.randint(0, total) for _ in range(count - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def build_operations(facilitators, seed=34):
    rng = random.Random(seed)
    names = {t.code: t.name for t in reference.territories()}
    last_year = max(YEAR_TOTALS)
    operations = []
    spans = [rng.choice([1, 1, 2, 3]) for _ in range(OPERATIONS_PER_FACILITATOR)]
    sectors = [
        rng.choices(list(SECTOR_WEIGHTS), list(SECTOR_WEIGHTS.values()))[0]
        for _ in range(OPERATIONS_PER_FACILITATOR)
    ]
    pending = {last_year + 1: SUBMITTED_OPERATIONS * 1_500}
    for year, total in {**YEAR_TOTALS, **pending}.items():
        if year in pending:
            first = max(len(facilitators) - SUBMITTED_FACILITATORS, 0)
            slots = [
                (f, i) for f in range(first, len(facilitators)) for i in range(SUBMITTED_OPERATIONS)
            ]
        else:
            slots = [
                (f, i) for f in range(len(facilitators)) for i in range(OPERATIONS_PER_FACILITATOR)
            ]
        weights = [rng.uniform(0.4, 2.0) for _ in slots]
        hours = [math.floor(total * w / sum(weights)) for w in weights]
        hours[-1] += total - sum(hours)
        for (f, i), achieved in zip(slots, hours, strict=True):
            structure = facilitators[f]
            codes = sorted(structure.territory_codes)
            code = codes[i % len(codes)]
            contract = (year - min(YEAR_TOTALS)) // spans[i]
            sector = sectors[(i + f) % OPERATIONS_PER_FACILITATOR]
            kind = list(BuyerKind)[(i + f) % len(BuyerKind)]
            participants = max(1, math.ceil(achieved / rng.uniform(220, 600)))
            participants = max(participants, math.ceil(achieved / MAX_HOURS_PER_PARTICIPANT))
            publics = _split(rng, participants, len(PUBLICS))
            contracts = _split(rng, participants, len(CONTRACTS))
            values = {
                "year": year,
                "facilitator_id": structure.id,
                "territory_code": code,
                "contract_reference": f"DEMO-{structure.id}-{i:02d}-{contract:02d}",
                "buyer_name": f"{kind.label} — {names.get(code, code)} (exemple)",
                "buyer_kind": kind.value,
                "contract_object": OBJECTS[sector][(i + contract) % len(OBJECTS[sector])],
                "sector": sector,
                "clause_type": rng.choices(list(CLAUSE_WEIGHTS), list(CLAUSE_WEIGHTS.values()))[0],
                "hours_planned": min(round(achieved * rng.uniform(1.0, 1.15)), 100_000),
                "hours_achieved": achieved,
                "participants": participants,
                "is_demo": True,
                "status": Status.SUBMITTED if year in pending else Status.APPROVED,
            }
            values.update({name: n for (name, _l), n in zip(PUBLICS, publics, strict=True)})
            values.update({name: n for (name, _l), n in zip(CONTRACTS, contracts, strict=True)})
            if year < last_year:  # outcomes at six months are known for the years before
                lasting = round(participants * rng.uniform(0.2, 0.35))
                other = round((participants - lasting) * rng.uniform(0.1, 0.3))
                training = round((participants - lasting - other) * rng.uniform(0.0, 0.2))
                values.update(
                    dict(zip([n for n, _l in OUTCOMES], [lasting, other, training], strict=True))
                )
            operations.append(Operation(**values))
    return operations


class ObservatoryDemo(DemoBuilder):
    """The observatory page (key "observatory", under the home page) and its demo figures."""

    def prepare(self, demo):
        demo.refs.pages["observatory"] = ensure_observatory_page(
            demo.refs.pages["home"], demo.admin
        )

    def build(self, demo):
        facilitators = demo_facilitators()
        if facilitators and not Operation.objects.filter(is_demo=True).exists():
            with transaction.atomic():
                created = Operation.objects.bulk_create(build_operations(facilitators))
            demo.report["created"].append(f"{len(created)} opérations de l'observatoire")
        with transaction.atomic():
            page = ensure_observatory_page(demo.refs.pages["home"], demo.admin)
            if translate_page(page, PAGE_EN, demo.en, demo.admin):
                demo.report["translated"].append(page.title)
