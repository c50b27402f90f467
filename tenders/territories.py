"""Where a notice is, among the Hérault's territories (core.reference: communes by INSEE code,
EPCI), for the watch's territory filter, the buyers to meet and the assignment to a facilitator.

The rule, from what the importer keeps of a record (`Notice.location`, read by tenders.records):

1. the place of execution, when it names a commune of the Hérault (national format
   `OBJET/LIEU_EXEC_LIVR`: VILLE, CP or the ADRESSE line; eForms `cac:RealizedLocation`: CityName,
   PostalZone or its description);
2. else the buyer's commune (national `IDENTITE`: VILLE and CP; eForms: the buyer organisation's
   `cac:PostalAddress`);
3. else the notice concerns the département as a whole (a place given as "Hérault" or NUTS FRJ13,
   or no address at all): it is listed under every territory of the Hérault.

A commune is recognised by its name (accents, case, hyphens, "St"/"Ste" and "Cedex" ignored;
the Hérault's 341 communes have 341 different names); a postal code given beside it must be of the
Hérault (34xxx), so that a homonym elsewhere is never taken for it. The postal code alone does not
locate a notice: most of the Hérault's postal codes serve several communes, and core.reference
does not give them.

`Notice.commune_code` keeps the result (blank: the whole département); `locate_notices()` (and the
`locate_notices` command) computes it again when the reference changes."""

import contextlib
import re
from functools import cached_property

from django.db.models import Q

from core import reference
from core.cache import cached_per_generation
from core.text import fold

from .models.notices import Notice
from .records import RecordError, parse_record

DEPARTMENT = "34"
PLACE = "lieu"
BUYER = "acheteur"

_NOT_NAME = re.compile(r"[^a-z]+")
_CEDEX = re.compile(r"\bcedex\b.*$")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte"}


def name_key(value):
    """A commune's name as the lookups compare it: "St-Jean-de-Védas Cedex 2" → "saint jean de
    vedas"."""
    words = _NOT_NAME.sub(" ", _CEDEX.sub("", fold(value or ""))).split()
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words)


class TerritoryIndex:
    """The reference's territories read once: names, each commune's EPCI, and the communes by
    name key (computed when a notice is first located: the watch's list does not need them)."""

    def __init__(self, territories):
        self.communes = tuple(t for t in territories if t.kind == reference.COMMUNE)
        self.epcis = tuple(t for t in territories if t.kind == reference.EPCI)
        self.epci_of = {t.code: t.epci_code for t in self.communes}
        self.names = {t.code: t.name for t in territories}

    @classmethod
    def load(cls):
        return cls(reference.territories())

    @classmethod
    def for_pages(cls):
        """The index as the watch's pages show it: read once per page-cache generation (two
        queries and 400 territories fewer per search), as the directory's cached pages show the
        same names. The importer and `locate_notices` read the reference itself (`load`)."""
        return cached_per_generation("tenders:territory-index", cls.load)

    @cached_property
    def by_name(self):
        return {name_key(t.name): t.code for t in self.communes}

    def commune_of(self, address):
        """The INSEE code of the commune an address names, or "" (not a commune of the Hérault)."""
        postal_code = (address.get("postal_code") or "").replace(" ", "")
        if postal_code and not postal_code.startswith(DEPARTMENT):
            return ""
        for value in (address.get("city"), address.get("text")):
            if not value:
                continue
            for candidate in (value, value.split(",")[0], value.split(" - ")[0]):
                code = self.by_name.get(name_key(candidate))
                if code:
                    return code
        return ""

    def communes_in(self, code):
        """The communes a territory takes in (itself for a commune, its communes for an EPCI)."""
        if code in self.epci_of:
            return frozenset([code])
        return frozenset(c for c, epci in self.epci_of.items() if epci == code)


def territory_name(code):
    """The name of a commune or EPCI of the reference ("" when unknown or blank)."""
    found = reference.territory(code) if code else None
    return found.name if found else ""


def locate(location, index):
    """(commune code, where it comes from) for a notice's `location`; ("", "") for the whole
    département."""
    for source, key in ((PLACE, "place"), (BUYER, "buyer")):
        code = index.commune_of((location or {}).get(key) or {})
        if code:
            return code, source
    return "", ""


def territory_q(code, index):
    """The notices of territory `code` (a commune or an EPCI): located in it, or in the whole
    département. `DEPARTMENT` alone: the notices located in no commune."""
    if code == DEPARTMENT:
        return Q(commune_code="")
    return Q(commune_code__in=sorted(index.communes_in(code))) | Q(commune_code="")


def territories_q(codes, index):
    """The notices of any of `codes` (a member's territories), the département-wide ones too."""
    communes = set()
    for code in codes:
        communes |= index.communes_in(code)
    return Q(commune_code__in=sorted(communes)) | Q(commune_code="")


def locate_notices(queryset=None, reread=False):
    """Compute the notices' communes again (after the reference changed); with `reread`, read
    their addresses again from the raw records first (notices imported before the watch kept
    them). Returns how many notices changed."""
    index = TerritoryIndex.load()
    changed = []
    notices = Notice.objects.all() if queryset is None else queryset
    names = ["pk", "location", "commune_code", "location_source"]
    for notice in notices.only(*names, *(["raw_record"] if reread else [])).iterator(1000):
        location = notice.location
        if reread:
            with contextlib.suppress(RecordError):
                location = parse_record(notice.raw_record).fields["location"]
        code, source = locate(location, index)
        if (location, code, source) != (
            notice.location,
            notice.commune_code,
            notice.location_source,
        ):
            notice.location, notice.commune_code, notice.location_source = location, code, source
            changed.append(notice)
    Notice.objects.bulk_update(changed, names[1:], batch_size=500)
    return len(changed)
