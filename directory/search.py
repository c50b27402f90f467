"""The directory's search: the visitor's words and filters read from the URL, run through the site's
search machinery (core.search: one full-text match per search), with counts for every filter.

Filters combine (AND across filters). A territory is a commune's INSEE code or an EPCI's SIREN: an
actor serves a commune when it names it, names its EPCI or serves the whole département; it serves an
EPCI when it serves any of its communes that way. Counts are those of the current results."""

import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from wagtail.search.backends import get_search_backend

from core.search.matching import MatchedObjects, id_set, is_database_backend, matching_ids
from core.search.query import parse_search_query
from core.text import WORD_RE

from .models.actors import (
    RESERVED_KINDS,
    SERVICE_FIELDS,
    Actor,
    ActorKind,
    ReservedContract,
    Sector,
    ServiceType,
)
from .models.territories import EPCI, Commune

QUERY_MAX_LENGTH = 200
PAGE_SIZE = 20
VIEWS = ("liste", "carte")

FILTER_LABELS = {
    "type": _lazy("Type d'acteur"),
    "secteur": _lazy("Secteur d'activité"),
    "prestation": _lazy("Type de prestation"),
    "territoire": _lazy("Territoire"),
    "marche": _lazy("Marchés réservés"),
}


@dataclass
class DirectoryParams:
    query: str = ""
    filters: dict = field(default_factory=dict)
    view: str = "liste"
    page: str = "1"
    messages: list = field(default_factory=list)
    # The Commune or EPCI of the territory filter, read once with the URL.
    place: object = None

    def querystring(self, **changes):
        data = {"q": self.query} if self.query else {}
        data.update(self.filters)
        if self.view != "liste":
            data["vue"] = self.view
        for key, value in changes.items():
            if value is None:
                data.pop(key, None)
            else:
                data[key] = value
        return urlencode(data)

    @property
    def is_filtered(self):
        return bool(self.query or self.filters)


def _single(value):
    return value if isinstance(value, str) else ""


def _clean(value, limit):
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in _single(value))
    return " ".join(text.split())[:limit]


def territory(value):
    """The commune (INSEE code) or EPCI (SIREN) a territory filter names, or None."""
    if len(value) == 5:
        return Commune.objects.filter(code=value).select_related("epci").first()
    if len(value) == 9:
        return EPCI.objects.filter(code=value).first()
    return None


def _valid(name, value):
    if name == "type":
        return value in ActorKind.values
    if name == "secteur":
        return Sector.objects.filter(slug=value).exists()
    if name == "prestation":
        return value in ServiceType.values
    if name == "marche":
        return value in ReservedContract.values
    return False


def read_params(data):
    """q, the filters, vue and page from a QueryDict; an unknown value is dropped with a French
    message, never an error."""
    params = DirectoryParams()
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
        value = _clean(data.get(name, ""), 80)
        if not value:
            continue
        if name == "territoire":
            params.place = territory(value) if value.isdigit() else None
            valid = params.place is not None
        else:
            valid = _valid(name, value)
        if not valid:
            params.messages.append(
                _("Le filtre « %(value)s » n'existe pas : il a été ignoré.") % {"value": value}
            )
            continue
        params.filters[name] = value
    view = _clean(data.get("vue", ""), 20)
    if view in VIEWS:
        params.view = view
    elif view:
        params.messages.append(_("Vue inconnue : voici la liste."))
    params.page = _clean(data.get("page", "1"), 20) or "1"
    return params


def serving_territory(queryset, place):
    """`queryset` narrowed to the actors serving `place` (a Commune or an EPCI), by code."""
    if isinstance(place, Commune):
        return queryset.serving(place)
    communes = Commune.objects.filter(epci=place).values("code")
    by_commune = Actor.communes.through.objects.filter(commune_id__in=communes).values("actor_id")
    by_epci = Actor.epcis.through.objects.filter(epci_id=place.pk).values("actor_id")
    return queryset.filter(Q(whole_departement=True) | Q(pk__in=by_commune) | Q(pk__in=by_epci))


def filtered_queryset(params):
    queryset = Actor.objects.published()
    for name, value in params.filters.items():
        if name == "type":
            queryset = queryset.filter(kind=value)
        elif name == "secteur":
            by_sector = Actor.sectors.through.objects.filter(sector__slug=value).values("actor_id")
            queryset = queryset.filter(pk__in=by_sector)
        elif name == "prestation":
            queryset = queryset.filter(**{SERVICE_FIELDS[ServiceType(value)]: True})
        elif name == "marche":
            queryset = queryset.filter(kind__in=RESERVED_KINDS[ReservedContract(value)])
        elif name == "territoire":
            queryset = serving_territory(queryset, params.place or territory(value))
    return queryset


def run_search(params, backend=None):
    """The matching actors: a QuerySet by name without words, MatchedObjects (best first) with words
    on the database backends, the engine's results on Elasticsearch."""
    queryset = filtered_queryset(params).select_related("commune").order_by("name", "pk")
    if not params.query:
        return settled(queryset) if params.filters else queryset
    words = " ".join(WORD_RE.findall(params.query))
    query = parse_search_query(words) if words else None
    if query is None:
        return queryset.none()
    backend = backend or get_search_backend()
    if is_database_backend(backend):
        return MatchedObjects(
            Actor.objects.select_related("commune"), matching_ids(backend, query, queryset, True)
        )
    return backend.search(query, queryset, operator="and")


def settled(queryset):
    """The filtered actors as a queryset of their ids once the filters have been run: the filters'
    subqueries (sectors, territory) run once, and the page, the count and the facets read the
    matching rows by primary key instead of running them again each (three times the filters'
    cost for the list page). Beyond FACET_IDS_LIMIT matches, the queryset as it is."""
    ids = list(queryset.order_by().values_list("pk", flat=True)[: FACET_IDS_LIMIT + 1])
    if len(ids) > FACET_IDS_LIMIT:
        return queryset
    settled_actors = (
        Actor.objects.filter(pk__in=ids).select_related("commune").order_by("name", "pk")
    )
    # The facets count over these ids without reading them again.
    settled_actors.settled_ids = ids
    return settled_actors


def result_ids_queryset(results):
    """The results as a plain queryset of actors, for counting."""
    if isinstance(results, MatchedObjects):
        return Actor.objects.filter(pk__in=id_set(results.ids))
    if hasattr(results, "get_queryset"):
        return Actor.objects.filter(pk__in=[actor.pk for actor in results])
    return results


# Up to this many results, the facets read the results' ids as a list (one query) instead of running
# the filters again as a subquery in each of their seven queries.
FACET_IDS_LIMIT = 1000


def facet_counts(params, results):
    """[{name, label, options: [{value, label, count, selected}]}] for each filter, values with at
    least one result (and the selected one)."""
    listed = getattr(results, "settled_ids", None)
    if listed is None:
        actors = result_ids_queryset(results).order_by()
        listed = list(actors.values_list("pk", flat=True)[: FACET_IDS_LIMIT + 1])
    if len(listed) <= FACET_IDS_LIMIT:
        actors = Actor.objects.filter(pk__in=listed)
    ids = actors.values("pk")
    # The kinds and the types of service in one pass over the actors.
    kinds = {}
    services = dict.fromkeys(SERVICE_FIELDS, 0)
    for row in actors.values("kind").annotate(
        n=Count("pk"),
        **{
            f"service_{number}": Count("pk", filter=Q(**{field_name: True}))
            for number, field_name in enumerate(SERVICE_FIELDS.values())
        },
    ):
        kinds[row["kind"]] = row["n"]
        for number, value in enumerate(SERVICE_FIELDS):
            services[value] += row[f"service_{number}"]
    sectors = {
        row["sector_id"]: row["n"]
        for row in Actor.sectors.through.objects.filter(actor_id__in=ids)
        .values("sector_id")
        .annotate(n=Count("actor_id"))
    }
    options = {
        "type": [(k, label, kinds.get(k, 0)) for k, label in ActorKind.choices],
        "secteur": [(s.slug, s.localized_name, sectors.get(s.pk, 0)) for s in Sector.objects.all()],
        "prestation": [(v, label, services.get(v, 0)) for v, label in ServiceType.choices],
        "territoire": [(e.code, e.name, n) for e, n in epci_counts(actors)],
        "marche": [
            (v, label, sum(kinds.get(k, 0) for k in RESERVED_KINDS[ReservedContract(v)]))
            for v, label in ReservedContract.choices
        ],
    }
    selected_territory = params.filters.get("territoire")
    if selected_territory and len(selected_territory) == 5:
        commune = params.place or territory(selected_territory)
        total = len(listed) if len(listed) <= FACET_IDS_LIMIT else actors.count()
        options["territoire"].insert(0, (commune.code, commune.label, total))
    facets = []
    for name, label in FILTER_LABELS.items():
        selected = params.filters.get(name)
        facets.append(
            {
                "name": name,
                "label": label,
                "options": [
                    {"value": v, "label": str(text), "count": n, "selected": v == selected}
                    for v, text, n in options[name]
                    if n or v == selected
                ],
            }
        )
    return facets


def epci_counts(actors):
    """[(epci, number of the actors serving it)]: the EPCI, the actors serving the whole
    département, and the others counted per EPCI by the database (each (actor, EPCI) pair once,
    whether the actor names the EPCI or one of its communes), whatever the number of actors."""
    epcis = list(EPCI.objects.all())
    whole = actors.filter(whole_departement=True).count()
    try:
        ids_sql, ids_params = (
            actors.filter(whole_departement=False).order_by().values("pk").query.sql_with_params()
        )
    except EmptyResultSet:  # no actor (an empty list of ids)
        return [(epci, whole) for epci in epcis]
    quote = connection.ops.quote_name
    by_epci = Actor.epcis.through._meta
    by_commune = Actor.communes.through._meta
    commune = Commune._meta
    # Only quoted column and table names of the models and Django's own compiled subquery go into
    # the text; every value is a parameter.
    sql = (  # noqa: S608
        "SELECT served.epci, COUNT(*) FROM ("
        "SELECT {e_actor} AS actor, {e_epci} AS epci FROM {e_table} WHERE {e_actor} IN ({ids}) "
        "UNION "
        "SELECT l.{c_actor}, c.{c_epci} FROM {c_table} l INNER JOIN {commune} c "
        "ON c.{c_code} = l.{c_commune} WHERE l.{c_actor} IN ({ids}) AND c.{c_epci} IS NOT NULL"
        ") served GROUP BY served.epci"
    ).format(
        ids=ids_sql,
        e_table=quote(by_epci.db_table),
        e_actor=quote(by_epci.get_field("actor").column),
        e_epci=quote(by_epci.get_field("epci").column),
        c_table=quote(by_commune.db_table),
        c_actor=quote(by_commune.get_field("actor").column),
        c_commune=quote(by_commune.get_field("commune").column),
        commune=quote(commune.db_table),
        c_code=quote(commune.pk.column),
        c_epci=quote(commune.get_field("epci").column),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*ids_params, *ids_params])
        counts = dict(cursor.fetchall())
    return [(epci, counts.get(epci.pk, 0) + whole) for epci in epcis]
