"""The watch's search: the visitor's words and filters read from the URL, run through the site's
search machinery (core.search: one full-text match per search), with counts for every filter.

Filters combine (AND across filters); counts are those of the current results. An unknown value is
dropped with a French message, never an error."""

import datetime
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.search.backends import get_search_backend

from core.search.matching import MatchedObjects, id_set, is_database_backend, matching_ids
from core.search.query import parse_search_query
from core.text import WORD_RE

from .models.notices import ConsiderationKind, ContractKind, Notice, NoticeState
from .territories import DEPARTMENT, TerritoryIndex, territory_q

QUERY_MAX_LENGTH = 200
PAGE_SIZE = 20
BUYER_OPTIONS = 40

DEADLINES = {"ouverte": gettext_lazy("Encore ouverte"), "close": gettext_lazy("Close")}
SOCIAL = {
    "oui": gettext_lazy("Avec considération sociale"),
    "non": gettext_lazy("Sans considération sociale"),
    "manquante": gettext_lazy("Sans considération alors qu'elle est obligatoire"),
}
PERIODS = {
    "7": gettext_lazy("7 derniers jours"),
    "30": gettext_lazy("30 derniers jours"),
    "90": gettext_lazy("3 derniers mois"),
    "365": gettext_lazy("12 derniers mois"),
}
FILTER_LABELS = {
    "type": gettext_lazy("Type de marché"),
    "echeance": gettext_lazy("Date limite"),
    "social": gettext_lazy("Considération sociale"),
    "forme": gettext_lazy("Type de considération"),
    "reserve": gettext_lazy("Marché réservé"),
    "publie": gettext_lazy("Publication"),
    "acheteur": gettext_lazy("Acheteur"),
    "territoire": gettext_lazy("Territoire"),
}
WHOLE_DEPARTMENT = gettext_lazy("Tout l'Hérault, sans commune précise")


@dataclass
class WatchParams:
    query: str = ""
    filters: dict = field(default_factory=dict)
    page: str = "1"
    messages: list = field(default_factory=list)
    index: TerritoryIndex | None = None

    @property
    def territories(self):
        """The reference's territories (core.reference), read once per page-cache generation."""
        if self.index is None:
            self.index = TerritoryIndex.for_pages()
        return self.index

    def querystring(self, **changes):
        data = {"q": self.query} if self.query else {}
        data.update(self.filters)
        for key, value in changes.items():
            if value is None:
                data.pop(key, None)
            else:
                data[key] = value
        return urlencode(data)

    @property
    def is_filtered(self):
        return bool(self.query or self.filters)


def _clean(value, limit):
    value = value if isinstance(value, str) else ""
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in value)
    return " ".join(text.split())[:limit]


def _valid(name, value, params):
    if name == "type":
        return value in ContractKind.values and value != ""
    if name == "echeance":
        return value in DEADLINES
    if name == "social":
        return value in SOCIAL
    if name == "forme":
        return value in ConsiderationKind.values
    if name == "reserve":
        return value == "oui"
    if name == "publie":
        return value in PERIODS
    if name == "acheteur":
        return Notice.objects.filter(buyer_name=value).exists()
    if name == "territoire":
        return value == DEPARTMENT or value in params.territories.names
    return False


def territory_label(value, index):
    return WHOLE_DEPARTMENT if value == DEPARTMENT else index.names.get(value, value)


def read_params(data):
    params = WatchParams()
    query = _clean(data.get("q", ""), 10 * QUERY_MAX_LENGTH)
    if len(query) > QUERY_MAX_LENGTH:
        params.messages.append(
            _(
                "Votre recherche était trop longue : seuls ses %(n)d premiers caractères "
                "ont été pris en compte."
            )
            % {"n": QUERY_MAX_LENGTH}
        )
        query = query[:QUERY_MAX_LENGTH]
    params.query = query
    for name in FILTER_LABELS:
        value = _clean(data.get(name, ""), 400)
        if not value:
            continue
        if not _valid(name, value, params):
            if name == "territoire":
                message = _(
                    "Le territoire « %(value)s » n'est ni une commune ni une intercommunalité "
                    "de l'Hérault : il a été ignoré."
                )
            else:
                message = _("Le filtre « %(value)s » n'existe pas : il a été ignoré.")
            params.messages.append(message % {"value": value})
            continue
        params.filters[name] = value
    params.page = _clean(data.get("page", "1"), 20) or "1"
    return params


def _kind_filter(kind):
    # The kinds are a JSON list. PostgreSQL tests the element (jsonb @>, no cast to text: four
    # times cheaper over 20,000 notices); SQLite has no JSON containment in Django, so a text
    # match on the quoted value.
    if connection.vendor == "postgresql":
        return Q(consideration_kinds__contains=[kind])
    return Q(consideration_kinds__icontains=f'"{kind}"')


def filter_queryset(queryset, name, value, now=None, index=None):
    now = now or timezone.now()
    if name == "type":
        return queryset.filter(contract_kind=value)
    if name == "echeance":
        open_q = Q(deadline__gte=now) & ~Q(state=NoticeState.CANCELLED)
        return queryset.filter(open_q) if value == "ouverte" else queryset.exclude(open_q)
    if name == "social":
        if value == "oui":
            return queryset.filter(has_social_consideration=True)
        if value == "non":
            return queryset.filter(has_social_consideration=False)
        return queryset.filter(lacks_required_consideration=True)
    if name == "forme":
        return queryset.filter(_kind_filter(value))
    if name == "reserve":
        return queryset.filter(is_reserved=True)
    if name == "publie":
        since = timezone.localdate() - datetime.timedelta(days=int(value))
        return queryset.filter(published_on__gte=since)
    if name == "acheteur":
        return queryset.filter(buyer_name=value)
    if name == "territoire":
        return queryset.filter(territory_q(value, index or TerritoryIndex.load()))
    return queryset


def filtered_queryset(params, exclude=None):
    queryset = Notice.objects.all()
    now = timezone.now()
    for name, value in params.filters.items():
        if name != exclude:
            index = params.territories if name == "territoire" else None
            queryset = filter_queryset(queryset, name, value, now, index)
    return queryset


def run_search(params, backend=None):
    """The matching notices: newest first without words, best first with words."""
    # The list shows neither the raw record nor the lots: they are most of a notice's row.
    queryset = (
        filtered_queryset(params)
        .order_by("-published_on", "-pk")
        .defer("raw_record", "lots", "location")
    )
    if not params.query:
        return queryset
    words = " ".join(WORD_RE.findall(params.query))
    query = parse_search_query(words) if words else None
    if query is None:
        return queryset.none()
    backend = backend or get_search_backend()
    if is_database_backend(backend):
        return MatchedObjects(Notice.objects.all(), matching_ids(backend, query, queryset, True))
    return backend.search(query, queryset, operator="and")


def result_ids_queryset(results):
    if isinstance(results, MatchedObjects):
        return Notice.objects.filter(pk__in=id_set(results.ids))
    if hasattr(results, "get_queryset"):
        return Notice.objects.filter(pk__in=[notice.pk for notice in results])
    return results


def facet_counts(params, results):
    """[{name, label, options: [{value, label, count, selected}], groups: [{label, options}]}]:
    each option counted over the current results (values with none are left out, but for the
    selected one). The number of results is `facet_counts.total` of the list returned."""
    notices = result_ids_queryset(results).order_by()
    now = timezone.now()
    open_q = Q(deadline__gte=now) & ~Q(state=NoticeState.CANCELLED)
    period_counts = {
        value: Count(
            "pk",
            filter=Q(published_on__gte=timezone.localdate() - datetime.timedelta(days=int(value))),
        )
        for value in PERIODS
    }
    counts = {
        **{f"type_{k}": Count("pk", filter=Q(contract_kind=k)) for k in ContractKind.values if k},
        "ouverte": Count("pk", filter=open_q),
        "all": Count("pk"),
        "oui": Count("pk", filter=Q(has_social_consideration=True)),
        "manquante": Count("pk", filter=Q(lacks_required_consideration=True)),
        "reserve": Count("pk", filter=Q(is_reserved=True)),
        **{
            f"kind_{i}": Count("pk", filter=_kind_filter(k))
            for i, k in enumerate(ConsiderationKind.values)
        },
        **{f"period_{k}": v for k, v in period_counts.items()},
    }
    # Every count in one scan of the results: grouped by buyer and commune (a few rows per buyer),
    # summed here into the totals, the buyers' counts and the communes'. Three scans before (the
    # totals, the buyers, the communes), each reading every row of the results.
    groups = (
        notices.values("buyer_name", "commune_code")
        .annotate(**counts)
        .order_by("buyer_name", "commune_code")
    )
    totals = dict.fromkeys(counts, 0)
    by_buyer, located = {}, {}
    for group in groups:
        for name in counts:
            totals[name] += group[name]
        if group["buyer_name"]:
            by_buyer[group["buyer_name"]] = by_buyer.get(group["buyer_name"], 0) + group["all"]
        code = group["commune_code"]
        located[code] = located.get(code, 0) + group["all"]
    # The buyers with the most results, ties in the database's order of their names (the groups
    # come in it, and the sort is stable).
    buyers = [
        {"buyer_name": name, "n": n}
        for name, n in sorted(by_buyer.items(), key=lambda item: -item[1])[:BUYER_OPTIONS]
    ]
    options = {
        "type": [(k, label, totals[f"type_{k}"]) for k, label in ContractKind.choices if k],
        "echeance": [
            ("ouverte", DEADLINES["ouverte"], totals["ouverte"]),
            ("close", DEADLINES["close"], totals["all"] - totals["ouverte"]),
        ],
        "social": [
            ("oui", SOCIAL["oui"], totals["oui"]),
            ("non", SOCIAL["non"], totals["all"] - totals["oui"]),
            ("manquante", SOCIAL["manquante"], totals["manquante"]),
        ],
        "forme": [
            (k, label, totals[f"kind_{i}"])
            for i, (k, label) in enumerate(ConsiderationKind.choices)
        ],
        "reserve": [("oui", _("Marchés et lots réservés"), totals["reserve"])],
        "publie": [(k, label, totals[f"period_{k}"]) for k, label in PERIODS.items()],
        "acheteur": [(b["buyer_name"], b["buyer_name"], b["n"]) for b in buyers],
        "territoire": territory_options(located, params),
    }
    selected_buyer = params.filters.get("acheteur")
    if selected_buyer and selected_buyer not in {b["buyer_name"] for b in buyers}:
        options["acheteur"].insert(0, (selected_buyer, selected_buyer, totals["all"]))
    facets = []
    for name, label in FILTER_LABELS.items():
        selected = params.filters.get(name)
        facet = {"name": name, "label": label, "options": [], "groups": []}
        for option in options[name]:
            value, text, count = option[:3]
            if not (count or value == selected):
                continue
            item = {
                "value": value,
                "label": str(text),
                "count": count,
                "selected": value == selected,
            }
            group = option[3] if len(option) > 3 else None
            if group is None:
                facet["options"].append(item)
            elif facet["groups"] and facet["groups"][-1]["label"] == group:
                facet["groups"][-1]["options"].append(item)
            else:
                facet["groups"].append({"label": group, "options": [item]})
        facets.append(facet)
    return FacetList(facets, total=totals["all"])


class FacetList(list):
    """The facets, and the number of results they were counted over (no second count query)."""

    def __init__(self, facets, total):
        super().__init__(facets)
        self.total = total


class CountedResults:
    """A queryset of results whose number is already known: the paginator slices it and does not
    count it again."""

    ordered = True

    def __init__(self, queryset, total):
        self.queryset = queryset
        self.total = total

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, key):
        return list(self.queryset[key]) if isinstance(key, slice) else self.queryset[key]

    def __iter__(self):
        return iter(self.queryset)


def territory_options(located, params):
    """(code, name, count, group) for the territory filter: the whole département, then the EPCI
    and the communes where the current results are located. A territory counts its own notices
    and the département-wide ones (tenders.territories)."""
    index = params.territories
    wide = located.get("", 0)
    selected = params.filters.get("territoire")
    by_epci = {}
    for code, count in located.items():
        if code:
            epci = index.epci_of.get(code, "")
            by_epci[epci] = by_epci.get(epci, 0) + count
    options = [(DEPARTMENT, WHOLE_DEPARTMENT, wide)]
    epci_group, commune_group = str(_("Intercommunalités")), str(_("Communes"))
    for epci in index.epcis:
        if by_epci.get(epci.code) or epci.code == selected:
            options.append((epci.code, epci.name, by_epci.get(epci.code, 0) + wide, epci_group))
    for commune in index.communes:
        if located.get(commune.code) or commune.code == selected:
            count = located.get(commune.code, 0) + wide
            options.append((commune.code, commune.name, count, commune_group))
    return options
