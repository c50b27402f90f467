"""The observatory's figures, from the approved operations only: the filters read from the URL, the
key figures of the last approved year, and the tables every chart, page and download is made of.

Counts of contracts are counts of distinct `contract_reference`: a contract reported in three years
counts once in each year's row, and once (not three times) in a table over several years.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Sum
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import reference

from .models.choices import PUBLICS, BuyerKind, ClauseType, Sector
from .models.operations import FIRST_YEAR, Operation

MAX_PARAM_LENGTH = 20


@dataclass
class Filters:
    year: int | None = None
    territory: str = ""
    sector: str = ""
    clause: str = ""
    messages: list = field(default_factory=list)

    @property
    def is_filtered(self):
        return bool(self.year or self.territory or self.sector or self.clause)

    def querystring(self):
        from urllib.parse import urlencode

        pairs = [
            ("annee", self.year or ""),
            ("territoire", self.territory),
            ("secteur", self.sector),
            ("clause", self.clause),
        ]
        return urlencode([(key, value) for key, value in pairs if value])

    def as_dict(self):
        return {
            "annee": self.year,
            "territoire": self.territory or None,
            "secteur": self.sector or None,
            "clause": self.clause or None,
        }


def _one(params, name):
    values = params.getlist(name)
    value = values[-1] if values else ""
    return value.strip()[: MAX_PARAM_LENGTH + 1]


def read_filters(params) -> Filters:
    """The filters of the query string; a wrong value is dropped with a French message."""
    filters = Filters()
    year = _one(params, "annee")
    if year:
        if year.isdigit() and len(year) == 4 and int(year) >= FIRST_YEAR:
            filters.year = int(year)
        else:
            filters.messages.append(
                _("L'année « %(value)s » n'est pas valable : toutes les années sont montrées.")
                % {"value": year[:MAX_PARAM_LENGTH]}
            )
    territory = _one(params, "territoire")
    if territory:
        if territory.isalnum() and len(territory) <= 9 and reference.territory(territory):
            filters.territory = territory
        else:
            filters.messages.append(
                _("Le territoire « %(value)s » est inconnu : tout le département est montré.")
                % {"value": territory[:MAX_PARAM_LENGTH]}
            )
    sector = _one(params, "secteur")
    if sector:
        if sector in Sector.values:
            filters.sector = sector
        else:
            filters.messages.append(
                _("Le secteur « %(value)s » est inconnu : tous les secteurs sont montrés.")
                % {"value": sector[:MAX_PARAM_LENGTH]}
            )
    clause = _one(params, "clause")
    if clause:
        if clause in ClauseType.values:
            filters.clause = clause
        else:
            filters.messages.append(
                _("Le type de clause « %(value)s » est inconnu : tous les types sont montrés.")
                % {"value": clause[:MAX_PARAM_LENGTH]}
            )
    return filters


def territory_codes(code):
    """The codes an operation may carry to fall in territory `code`: itself and, for an EPCI, its
    communes."""
    return {code} | set(reference.communes_of(code))


def approved_operations(filters: Filters, with_year=True):
    operations = Operation.objects.approved()
    if with_year and filters.year:
        operations = operations.filter(year=filters.year)
    if filters.territory:
        operations = operations.filter(territory_code__in=territory_codes(filters.territory))
    if filters.sector:
        operations = operations.filter(sector=filters.sector)
    if filters.clause:
        operations = operations.filter(clause_type=filters.clause)
    return operations


# --- Tables -----------------------------------------------------------------------------------------


@dataclass
class Column:
    key: str
    label: str
    kind: str = "integer"  # integer, string
    description: str = ""


@dataclass
class Table:
    key: str
    title: str
    columns: list
    rows: list
    note: str = ""

    def values(self, key):
        return [row[key] for row in self.rows]


TOTALS = {
    "heures_prevues": Sum("hours_planned"),
    "heures_realisees": Sum("hours_achieved"),
    "participants": Sum("participants"),
    "operations": Count("pk"),
    "marches": Count("contract_reference", distinct=True),
}


def _columns():
    return {
        "heures_prevues": Column(
            "heures_prevues",
            _("Heures prévues"),
            description=_("Somme des heures d'insertion prévues aux marchés."),
        ),
        "heures_realisees": Column(
            "heures_realisees",
            _("Heures réalisées"),
            description=_(
                "Somme des heures d'insertion réalisées et déclarées par les facilitateurs."
            ),
        ),
        "participants": Column(
            "participants",
            _("Participants"),
            description=_(
                "Personnes ayant travaillé sur les marchés (une personne sur deux marchés compte deux "
                "fois)."
            ),
        ),
        "operations": Column(
            "operations",
            _("Opérations"),
            description=_(
                "Marchés ou lots déclarés dans l'année ; un marché pluriannuel compte chaque année."
            ),
        ),
        "marches": Column(
            "marches",
            _("Marchés distincts"),
            description=_(
                "Marchés distincts sur la sélection : un marché pluriannuel compte une fois, même sur "
                "plusieurs années."
            ),
        ),
    }


def _clean(row):
    return {key: (value or 0) if key in TOTALS else value for key, value in row.items()}


def by_year(operations):
    columns = _columns()
    rows = [_clean(row) for row in operations.values("year").annotate(**TOTALS).order_by("year")]
    rows = [{"annee": row.pop("year"), **row} for row in rows]
    return Table(
        "annees",
        _("Heures et participants par année"),
        [Column("annee", _("Année"), description=_("Année des heures réalisées."))]
        + list(columns.values()),
        rows,
        note=_(
            "Un marché qui court sur plusieurs années est compté dans chacune : les nombres de "
            "marchés des années ne s'additionnent pas."
        ),
    )


def _by(operations, field_name, key, title, label, choices):
    columns = _columns()
    names = dict(choices)
    rows = []
    for row in operations.values(field_name).annotate(**TOTALS).order_by("-heures_realisees"):
        row = _clean(row)
        code = row.pop(field_name)
        rows.append({"code": code, "libelle": str(names.get(code, code)), **row})
    return Table(
        key,
        title,
        [
            Column("code", _("Code"), "string", _("Code stable de la catégorie.")),
            Column("libelle", label, "string", _("Libellé de la catégorie.")),
        ]
        + [columns[name] for name in ("heures_realisees", "participants", "marches")],
        [
            {k: v for k, v in row.items() if k not in ("heures_prevues", "operations")}
            for row in rows
        ],
        note=_("Les marchés distincts comptent une fois un marché pluriannuel."),
    )


def by_sector(operations):
    return _by(operations, "sector", "secteurs", _("Par secteur"), _("Secteur"), Sector.choices)


def by_clause(operations):
    return _by(
        operations,
        "clause_type",
        "clauses",
        _("Par type de clause"),
        _("Type de clause"),
        ClauseType.choices,
    )


def by_buyer_kind(operations):
    return _by(
        operations,
        "buyer_kind",
        "acheteurs",
        _("Par type d'acheteur"),
        _("Type d'acheteur"),
        BuyerKind.choices,
    )


def by_territory(operations):
    codes = operations.order_by().values_list("territory_code", flat=True).distinct()
    names = {t.code: t.name for t in reference.territories(list(codes))}
    return _by(
        operations,
        "territory_code",
        "territoires",
        _("Par territoire"),
        _("Territoire"),
        names.items(),
    )


def by_public(operations):
    sums = operations.aggregate(**{name: Sum(name) for name, _label in PUBLICS})
    rows = [
        {
            "code": name.removeprefix("public_"),
            "libelle": str(label),
            "participants": sums[name] or 0,
        }
        for name, label in PUBLICS
    ]
    return Table(
        "publics",
        _("Participants par public"),
        [
            Column("code", _("Code"), "string", _("Code stable du public.")),
            Column("libelle", _("Public"), "string", _("Public des personnes en insertion.")),
            _columns()["participants"],
        ],
        rows,
    )


TABLES = {
    "annees": by_year,
    "secteurs": by_sector,
    "clauses": by_clause,
    "publics": by_public,
    "acheteurs": by_buyer_kind,
    "territoires": by_territory,
}
TABLE_TITLES = {
    "annees": gettext_lazy("Heures et participants par année"),
    "secteurs": gettext_lazy("Par secteur"),
    "clauses": gettext_lazy("Par type de clause"),
    "publics": gettext_lazy("Participants par public"),
    "acheteurs": gettext_lazy("Par type d'acheteur"),
    "territoires": gettext_lazy("Par territoire"),
}


def table(key, filters):
    """The table `key` (of TABLES) under `filters`; the year table ignores the year filter only
    when none is given."""
    return TABLES[key](approved_operations(filters))


# --- Key figures ------------------------------------------------------------------------------------


@dataclass
class KeyFigures:
    year: int
    hours: int
    participants: int
    contracts: int
    previous_year: int | None = None
    previous_hours: int | None = None
    previous_participants: int | None = None

    @staticmethod
    def change(current, previous):
        if not previous:
            return None
        return round((current - previous) * 100 / previous, 1)

    @property
    def hours_change(self):
        return self.change(self.hours, self.previous_hours)

    @property
    def participants_change(self):
        return self.change(self.participants, self.previous_participants)

    @staticmethod
    def signed(change):
        """A change as a French reader expects it: "+1,3", "−1,1" (a true minus sign), "0"."""
        if change is None:
            return None
        text = number_format(abs(change), decimal_pos=1 if change % 1 else 0)
        if change > 0:
            return "+" + text
        return "\u2212" + text if change < 0 else text

    @property
    def hours_change_text(self):
        return self.signed(self.hours_change)

    @property
    def participants_change_text(self):
        return self.signed(self.participants_change)


def key_figures(filters: Filters | None = None):
    """The last approved year (the one chosen, when filtered by year) and the change from the year
    before; None when nothing is approved."""
    filters = filters or Filters()
    operations = approved_operations(filters, with_year=False)
    year = filters.year or operations.order_by("-year").values_list("year", flat=True).first()
    if year is None:
        return None
    rows = {
        row["year"]: row
        for row in operations.filter(year__in=[year, year - 1])
        .values("year")
        .annotate(
            hours=Sum("hours_achieved"),
            people=Sum("participants"),
            contracts=Count("contract_reference", distinct=True),
        )
    }
    if year not in rows:
        return None
    current, previous = rows[year], rows.get(year - 1)
    return KeyFigures(
        year=year,
        hours=current["hours"] or 0,
        participants=current["people"] or 0,
        contracts=current["contracts"],
        previous_year=year - 1 if previous else None,
        previous_hours=(previous["hours"] or 0) if previous else None,
        previous_participants=(previous["people"] or 0) if previous else None,
    )


def includes_demo(operations):
    return operations.filter(is_demo=True).exists()


def available_years():
    return list(
        Operation.objects.approved().order_by("-year").values_list("year", flat=True).distinct()
    )


def territory_options():
    """The territories of approved operations, and the EPCI of their communes, by name."""
    codes = set(
        Operation.objects.approved().order_by().values_list("territory_code", flat=True).distinct()
    )
    found = reference.territories(list(codes))
    codes |= {t.epci_code for t in found if t.epci_code}
    return sorted(reference.territories(list(codes)), key=lambda t: (t.kind != "epci", t.name))
