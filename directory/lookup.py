"""What a visitor typed to name a place, read as a commune or an EPCI of the Hérault: an INSEE code, a
postal code, a name with or without accents, hyphens or "St" for "Saint", a former commune's name, a
label offered by the autocomplete ("Lunel (34400)"), or an EPCI's name. Matching is on names and codes,
never on distance."""

import re
from dataclasses import dataclass, field

from .models.territories import EPCI, Commune, territory_key

LABEL_RE = re.compile(r"^(?P<name>.*?)\s*\((?P<codes>[\d,\s]+)\)\s*$")
CODE_RE = re.compile(r"^\d{5}$")
EPCI_CODE_RE = re.compile(r"^\d{9}$")
MAX_LENGTH = 100
SUGGESTION_LIMIT = 10


@dataclass
class Lookup:
    """The outcome: one commune, one EPCI, several candidates to choose from, or nothing."""

    text: str = ""
    commune: Commune | None = None
    epci: EPCI | None = None
    candidates: list = field(default_factory=list)

    @property
    def found(self):
        return self.commune is not None or self.epci is not None


def clean_text(raw):
    text = raw if isinstance(raw, str) else ""
    text = "".join(ch for ch in text if ch.isprintable())
    return " ".join(text.split())[:MAX_LENGTH]


def resolve(raw) -> Lookup:
    """The commune or EPCI the text names; candidates when it names several (a postal code shared by
    communes, a beginning of a name)."""
    text = clean_text(raw)
    result = Lookup(text=text)
    if not text:
        return result
    communes = Commune.objects.select_related("epci")
    if CODE_RE.match(text):
        by_code = communes.filter(code=text).first()
        if by_code:
            result.commune = by_code
            return result
        return _one_or_many(result, list(communes.filter(postal_codes__contains=text)))
    if EPCI_CODE_RE.match(text):
        result.epci = EPCI.objects.filter(code=text).first()
        return result
    postal = None
    label = LABEL_RE.match(text)
    if label:
        text, postal = label["name"], label["codes"].replace(",", " ").split()
    key = territory_key(text)
    if not key:
        return result
    exact = [c for c in communes.filter(search_name__contains=key) if key in _keys(c)]
    if postal:
        exact = [c for c in exact if set(postal) & set(c.postal_code_list)] or exact
    if exact:
        return _one_or_many(result, exact)
    epci = list(EPCI.objects.filter(search_name__contains=key))
    if len(epci) == 1 and (epci[0].search_name == key or len(key) >= 4):
        result.epci = epci[0]
        return result
    result.candidates = suggestions(text)
    return result


def _keys(commune):
    return commune.search_name.split(" | ")


def _one_or_many(result, communes):
    if len(communes) == 1:
        result.commune = communes[0]
    else:
        result.candidates = communes
    return result


def suggestions(raw, limit=SUGGESTION_LIMIT):
    """Communes whose name (or former name) starts with what was typed, or whose postal or INSEE code
    does, the most populated first; then EPCI whose name contains it."""
    text = clean_text(raw)
    if not text:
        return []
    if text.isdigit():
        found = Commune.objects.filter(postal_codes__contains=text) | Commune.objects.filter(
            code__startswith=text
        )
        return list(found.select_related("epci").order_by("-population", "name")[:limit])
    key = territory_key(text)
    if len(key) < 2:
        return []
    starts = [
        c
        for c in Commune.objects.filter(search_name__contains=key)
        .select_related("epci")
        .order_by("-population", "name")
        if any(name.startswith(key) or f" {key}" in f" {name}" for name in _keys(c))
    ]
    epcis = list(EPCI.objects.filter(search_name__contains=key)[:3])
    return (starts[: limit - len(epcis)] + epcis)[:limit]
