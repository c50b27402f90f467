"""One full-text match per search on the database backends (SQLite FTS5, PostgreSQL), and one
request for all the facets on Elasticsearch: used by the site-wide search and the resource hub.

Wagtail's database search results re-run the full-text match for the page of results, for the count
and for each facet: seven matches per hub search. On SQLite, ordering by relevance also runs the match
once more per matching row (a correlated subquery scores each row), seconds at 50,000 resources.
Here the match runs once and gives the ordered ids of the matching resources; the page of results,
the count and every facet are then read from those ids with plain indexed queries.

On SQLite the relevance is FTS5's own bm25 over the whole query, with a word in the title weighing
title_weight() times a word of the text (the backend scores title and text alike); the index holds
stemmed words (core.search.backends), and so does the query."""

import json
from collections import Counter

from django.conf import settings
from django.db import connections
from django.db.models import CharField, Count
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

from modelsearch.conf import get_app_config
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from .query import stemmed

# Elasticsearch returns the 10 largest values of a terms aggregation unless told otherwise.
ELASTICSEARCH_FACET_SIZE = 500


def matching_ids(backend, query, queryset, by_relevance):
    """The ids of the objects of `queryset` that match `query`, best first when `by_relevance`,
    otherwise in the queryset's order; one full-text match."""
    if is_sqlite_backend(backend):
        query = stemmed(query)
        ranked = _sqlite_ranked_ids(backend, query, queryset)
        if ranked is not None:
            if by_relevance or not ranked:
                return ranked
            return list(queryset.filter(pk__in=id_set(ranked)).values_list("pk", flat=True))
    results = backend.search(query, queryset, operator="and", order_by_relevance=by_relevance)
    return list(results.get_queryset().values_list("pk", flat=True))


def _sqlite_ranked_ids(backend, query, queryset):
    """The ids of the matching objects of `queryset`, best first; None when the query is not a
    plain match (the backend's own path handles MatchAll and negations).

    The match is a materialized CTE: FTS5 runs it once and scores its rows, whatever the statistics.
    Left to itself, SQLite without statistics (no ANALYZE since the bulk load) joins the other way
    round and re-runs the match for every index entry: a minute at 50,000 pages."""
    # Only defined on SQLite: imported here. Wagtail's search app owns the index tables.
    from modelsearch.backends.database.sqlite.query import AndNot, MatchExpression, normalize

    IndexEntry = get_app_config().get_model("IndexEntry")
    SQLiteFTSIndexEntry = get_app_config().get_model("SQLiteFTSIndexEntry")
    compiler = backend.query_compiler_class(queryset, query, operator="and")
    normalized = normalize(compiler.query)
    if isinstance(normalized, (MatchAll, Not, AndNot)):
        return None
    search_query = compiler.build_search_query(normalized, config=compiler.get_config(backend))
    table = SQLiteFTSIndexEntry._meta.db_table
    # The FTS5 table's columns are (autocomplete, body, title); its name comes from the model.
    score = RawSQL(f"bm25({table}, 0.0, 1.0, %s)", [title_weight()])  # noqa: S611
    matches_sql, matches_params = (
        SQLiteFTSIndexEntry.objects.filter(MatchExpression(compiler.FTS_TABLE_FIELDS, search_query))
        .annotate(_score=score)
        .values_list("pk", "_score")
        .query.sql_with_params()
    )
    # The entries whose title holds every word of the query come first ("the page whose title is the
    # query" before a page that repeats the words in its text).
    titled_sql, titled_params = (
        SQLiteFTSIndexEntry.objects.filter(MatchExpression(["title"], search_query))
        .values_list("pk")
        .query.sql_with_params()
    )
    candidates = (
        queryset.order_by().annotate(_object_id=Cast("pk", CharField())).values("_object_id")
    )
    entries_sql, entries_params = (
        IndexEntry.objects.filter(
            content_type_id__in=get_descendants_content_types_pks(queryset.model),
            object_id__in=candidates,
        )
        .values_list("pk", "object_id")
        .query.sql_with_params()
    )
    # SQLite before 3.35 has no MATERIALIZED hint (it may then pick the slow plan without ANALYZE).
    connection = connections[queryset.db]
    materialized = "MATERIALIZED" if connection.Database.sqlite_version_info >= (3, 35) else ""
    # Both parts are SQL compiled by Django, their values passed as parameters.
    sql = (
        f"WITH matches (entry_id, score) AS {materialized} ({matches_sql}), "  # noqa: S608
        f"titled (entry_id) AS ({titled_sql}) "
        "SELECT entry.object_id, matches.score, "
        "matches.entry_id IN (SELECT entry_id FROM titled) FROM matches "
        f"INNER JOIN ({entries_sql}) AS entry ON entry.pk = matches.entry_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (*matches_params, *titled_params, *entries_params))
        rows = cursor.fetchall()
    # Title matches first; bm25 is negative, lower is better; ties newest id first, like the backend.
    ranked = sorted((not titled, score, -int(object_id)) for object_id, score, titled in rows)
    return [-negated_id for _titled, _score, negated_id in ranked]


def title_weight() -> float:
    """What a word of a title weighs against a word of the text on SQLite, from
    settings.SEARCH_FIELD_WEIGHTS (FTS5's table has a title column and one body column)."""
    weights = settings.SEARCH_FIELD_WEIGHTS
    return weights["title"] / weights["default"]


def _backend_modules(backend):
    return [cls.__module__ for cls in type(backend).__mro__]


def is_sqlite_backend(backend):
    """SQLite's FTS5 backend, or a subclass of it (core.search.backends)."""
    return any(
        m.startswith("modelsearch.backends.database.sqlite") for m in _backend_modules(backend)
    )


def is_database_backend(backend):
    return any(m.startswith("modelsearch.backends.database") for m in _backend_modules(backend))


def id_set(ids, using="default"):
    """`ids` as one SQL parameter (a subquery for `pk__in`), whatever their number: SQLite caps the
    parameters of a statement and PostgreSQL parses each of thousands of placeholders."""
    vendor = connections[using].vendor
    if vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])
    if vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::integer[])", [list(ids)])
    return list(ids)


class MatchedObjects:
    """The matching objects of a search as a sliceable sequence (for the paginator, the feeds and the
    alerts), their count, and their facet counts. `queryset` fetches the objects of a slice (for
    pages, `Page.objects.specific()` gives each its own class)."""

    def __init__(self, queryset, ids):
        self.queryset = queryset
        self.model = queryset.model
        self.ids = ids

    def count(self):
        return len(self.ids)

    __len__ = count

    def __getitem__(self, key):
        if isinstance(key, slice):
            wanted = self.ids[key]
            found = {item.pk: item for item in self.queryset.filter(pk__in=wanted)}
            return [found[pk] for pk in wanted if pk in found]
        return self[key : key + 1 or None][0]

    def __iter__(self):
        return iter(self[:])

    def facets(self, fields):
        """{page field: {value: number of matching resources}} for `fields`: one grouped query for
        the page's own columns, one per many-to-many relation."""
        counts = {name: Counter() for name in fields}
        if not self.ids:
            return counts
        matching = id_set(self.ids)
        relations, columns = [], []
        for name in fields:
            field = self.model._meta.get_field(name)
            (relations if field.many_to_many else columns).append(name)
        if columns:
            rows = (
                self.model.objects.filter(pk__in=matching)
                .order_by()
                .values(*columns)
                .annotate(n=Count("pk"))
            )
            for row in rows:
                for name in columns:
                    counts[name][row[name]] += row["n"]
        for name in relations:
            through = getattr(self.model, name).through
            source = f"{self.model._meta.model_name}_id"
            target = f"{self.model._meta.get_field(name).related_model._meta.model_name}_id"
            rows = (
                through.objects.filter(**{f"{source}__in": matching})
                .order_by()
                .values(target)
                .annotate(n=Count(source))
            )
            counts[name].update({row[target]: row["n"] for row in rows})
        return counts


def elasticsearch_facets(results, fields, size=ELASTICSEARCH_FACET_SIZE):
    """{field: {value: count}} for the results of an Elasticsearch search, every facet in one request
    (Wagtail's `facet()` sends one request per field and keeps the 10 largest values)."""
    compiler = results.query_compiler
    body = results._get_es_body(for_count=True)
    body["aggregations"] = {}
    for name in fields:
        field = compiler._get_filterable_field(name)
        column = compiler.mapping.get_field_column_name(field)
        body["aggregations"][name] = {"terms": {"field": column, "size": size}}
    response = results._backend_do_search(
        body,
        index=results.backend.get_index_for_model(compiler.queryset.model).name,
        size=0,
    )
    return {
        name: {
            bucket["key"]: bucket["doc_count"]
            for bucket in response["aggregations"][name]["buckets"]
        }
        for name in fields
    }
