"""Figures other apps compute, shown on the observatory's pages: read only through core.indicators
(`indicator_source(key)`), never by importing the app that registers them.

Each source the observatory knows how to present has a `Presentation` here, keyed by the source's
key: the documented schema of its rows (the open-data downloads' schema), the tables its charts are
drawn from, and the sentence shown when it has no row. A source registered in core.indicators with
no presentation here is not shown (its rows' meaning is unknown to the observatory); a presentation
whose source is not registered is not shown either (the app is not installed).

Rows are plain dicts, as core.indicators promises; the tables below add them up by year, kind of
buyer, CPV division or territory. Only the year filter applies to them: the sources know nothing of
the observatory's sectors and clause types.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.indicators import IndicatorSource, indicator_source

from .stats import Column, Filters, Table

DECP_KEY = "tenders.social-considerations"
CONTRACT_HOURS_KEY = "members.contract-hours"


@dataclass(frozen=True)
class Presentation:
    key: str
    slug: str  # the download's path, the charts' ids and the tables' keys
    columns: Callable[[], list[Column]]  # the source's rows, as downloaded
    tables: Callable[[list[dict]], list[tuple[Table, str, list, str]]]
    empty: str
    scope: str


@dataclass
class Indicator:
    """A registered source as the observatory shows it under a selection."""

    presentation: Presentation
    source: IndicatorSource
    rows: list[dict]

    @property
    def key(self):
        return self.presentation.key

    @property
    def label(self):
        return str(self.source.label)

    @property
    def columns(self):
        return self.presentation.columns()

    def tables(self):
        return self.presentation.tables(self.rows) if self.rows else []


def _percent(part, whole):
    return round(part * 100 / whole, 1) if whole else 0.0


# --- DECP: notified contracts with a social consideration -----------------------------------------


def _decp_columns():
    return [
        Column("year", _("Année"), description=_("Année de notification du marché.")),
        Column("buyer_kind", _("Type d'acheteur (code)"), "string", _("Code stable.")),
        Column("buyer_kind_label", _("Type d'acheteur"), "string", _("Libellé du type.")),
        Column(
            "cpv_division",
            _("Division CPV"),
            "string",
            _("Deux premiers chiffres du code CPV ; vide quand le marché n'en donne pas."),
        ),
        Column("contracts", _("Marchés notifiés"), description=_("Marchés notifiés (DECP).")),
        Column(
            "with_social_consideration",
            _("Avec une considération sociale"),
            description=_("Marchés déclarant au moins une considération sociale."),
        ),
        Column(
            "social_clause",
            _("Avec une clause sociale"),
            description=_("Marchés déclarant une clause sociale d'exécution."),
        ),
        Column(
            "social_criterion",
            _("Avec un critère social"),
            description=_("Marchés déclarant un critère social d'attribution."),
        ),
        Column("reserved", _("Réservés"), description=_("Marchés réservés.")),
        Column(
            "share",
            _("Part"),
            "number",
            _("Marchés avec une considération sociale / marchés notifiés, entre 0 et 1."),
        ),
    ]


def _decp_table(rows, key, title, group, label_column, with_code=True):
    """Rows summed by `group(row) -> (code, label)`: contracts, those with a social consideration,
    their share in per cent; the label under `label_column.key`."""
    sums = defaultdict(lambda: [0, 0])
    labels = {}
    for row in rows:
        code, label = group(row)
        labels[code] = label
        sums[code][0] += row["contracts"]
        sums[code][1] += row["with_social_consideration"]
    table_rows = [
        {
            **({"code": code} if with_code else {}),
            label_column.key: labels[code],
            "marches": contracts,
            "avec_consideration": with_social,
            "part": _percent(with_social, contracts),
        }
        for code, (contracts, with_social) in sums.items()
    ]
    return Table(
        key,
        title,
        ([Column("code", _("Code"), "string")] if with_code else [])
        + [
            label_column,
            Column("marches", _("Marchés notifiés")),
            Column("avec_consideration", _("Avec une considération sociale")),
            Column("part", _("Part (%)"), "percent"),
        ],
        table_rows,
    )


def _decp_tables(rows):
    share = _("Part des marchés notifiés avec une considération sociale")
    by_year = _decp_table(
        sorted(rows, key=lambda row: row["year"]),
        "decp-annees",
        _("%(title)s, par année") % {"title": share},
        lambda row: (row["year"], row["year"]),
        Column("annee", _("Année")),
        with_code=False,
    )
    by_buyer = _decp_table(
        rows,
        "decp-acheteurs",
        _("%(title)s, par type d'acheteur") % {"title": share},
        lambda row: (row["buyer_kind"], row["buyer_kind_label"]),
        Column("libelle", _("Type d'acheteur"), "string"),
    )
    by_buyer.rows.sort(key=lambda row: (-row["marches"], row["libelle"]))
    by_division = _decp_table(
        rows,
        "decp-cpv",
        _("%(title)s, par division CPV") % {"title": share},
        lambda row: (
            row["cpv_division"],
            _("Division %(code)s") % {"code": row["cpv_division"]}
            if row["cpv_division"]
            else _("Non renseignée"),
        ),
        Column("libelle", _("Division CPV"), "string"),
    )
    by_division.rows.sort(key=lambda row: (row["code"] == "", row["code"]))
    series = [(_("Part avec une considération sociale"), "part")]
    return [
        (by_year, "annee", series, "%"),
        (by_buyer, "libelle", series, "%"),
        (by_division, "libelle", series, "%"),
    ]


# --- The network's contracts: insertion hours targeted and achieved -------------------------------


def _hours_columns():
    return [
        Column("year", _("Année"), description=_("Année des heures.")),
        Column("territory_code", _("Code du territoire"), "string", _("Code INSEE ou SIREN.")),
        Column("territory", _("Territoire"), "string", _("Nom du territoire.")),
        Column(
            "contracts",
            _("Marchés suivis"),
            description=_(
                "Marchés suivis dans l'année ; un marché pluriannuel compte chaque année."
            ),
        ),
        Column("targeted_hours", _("Heures visées"), description=_("Heures d'insertion visées.")),
        Column(
            "achieved_hours", _("Heures réalisées"), description=_("Heures d'insertion réalisées.")
        ),
    ]


def _hours_tables(rows):
    years = defaultdict(lambda: [0, 0, 0])
    territories = defaultdict(lambda: [0, 0])
    names = {}
    for row in rows:
        year = years[row["year"]]
        year[0] += row["contracts"]
        year[1] += row["targeted_hours"]
        year[2] += row["achieved_hours"]
        territory = territories[row["territory_code"]]
        territory[0] += row["targeted_hours"]
        territory[1] += row["achieved_hours"]
        names[row["territory_code"]] = row["territory"]
    by_year = Table(
        "reseau-annees",
        _("Heures des marchés suivis par le réseau, par année"),
        [
            Column("annee", _("Année")),
            Column("marches", _("Marchés suivis")),
            Column("heures_visees", _("Heures visées")),
            Column("heures_realisees", _("Heures réalisées")),
        ],
        [
            {
                "annee": year,
                "marches": values[0],
                "heures_visees": values[1],
                "heures_realisees": values[2],
            }
            for year, values in sorted(years.items())
        ],
        note=_(
            "Un marché qui court sur plusieurs années est compté dans chacune : les nombres de "
            "marchés des années ne s'additionnent pas."
        ),
    )
    by_territory = Table(
        "reseau-territoires",
        _("Heures des marchés suivis par le réseau, par territoire"),
        [
            Column("code", _("Code"), "string"),
            Column("libelle", _("Territoire"), "string"),
            Column("heures_visees", _("Heures visées")),
            Column("heures_realisees", _("Heures réalisées")),
        ],
        sorted(
            (
                {
                    "code": code,
                    "libelle": names[code],
                    "heures_visees": values[0],
                    "heures_realisees": values[1],
                }
                for code, values in territories.items()
            ),
            key=lambda row: (-row["heures_realisees"], row["libelle"]),
        ),
    )
    series = [(_("Heures réalisées"), "heures_realisees"), (_("Heures visées"), "heures_visees")]
    hours = _("heures")
    return [(by_year, "annee", series, hours), (by_territory, "libelle", series, hours)]


PRESENTATIONS = {
    presentation.key: presentation
    for presentation in [
        Presentation(
            DECP_KEY,
            "decp",
            _decp_columns,
            _decp_tables,
            gettext_lazy("Aucun marché notifié (DECP) n'est importé pour cette sélection."),
            gettext_lazy(
                "Données essentielles de la commande publique (DECP) des acheteurs de l'Hérault, "
                "importées par la veille des marchés ; l'année est celle de la notification."
            ),
        ),
        Presentation(
            CONTRACT_HOURS_KEY,
            "reseau",
            _hours_columns,
            _hours_tables,
            gettext_lazy("Aucun marché suivi par le réseau n'est enregistré pour cette sélection."),
            gettext_lazy(
                "Registre des marchés suivis par les facilitateurs du réseau : heures visées et "
                "réalisées, par année et par territoire."
            ),
        ),
    ]
}


def indicator(key: str, filters: Filters) -> Indicator | None:
    """The source `key` under the year filter, or None when it is unknown or not registered."""
    presentation = PRESENTATIONS.get(key)
    source = indicator_source(key) if presentation else None
    if source is None:
        return None
    return Indicator(presentation, source, list(source.rows(year=filters.year)))


def indicator_by_slug(slug: str, filters: Filters) -> Indicator | None:
    """The source downloaded at `indicateurs/<slug>/`, or None."""
    keys = [key for key, presentation in PRESENTATIONS.items() if presentation.slug == slug]
    return indicator(keys[0], filters) if keys else None


def indicators(filters: Filters) -> list[Indicator]:
    """Every registered source the observatory presents, in the order of PRESENTATIONS."""
    found = (indicator(key, filters) for key in PRESENTATIONS)
    return [item for item in found if item is not None]
