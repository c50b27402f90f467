"""The hub's search: the visitor's query and filters read from the URL, run on the configured search
backend, with facet counts. Shared by the hub page, its feeds and the autocomplete endpoint.

With a query, the full-text match runs once (core.search.matching): on the database backends it gives
the matching ids, from which the page, the count and the facets are read; Elasticsearch counts every
facet in one request. Without a query, grouped SQL counts the filtered queryset."""

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, PlainText

from core.cache import cached_per_generation
from core.cache.pages import private_pages_q
from core.search.matching import (
    MatchedObjects,
    elasticsearch_facets,
    is_database_backend,
    matching_ids,
)
from core.search.query import parse_search_query, with_fuzzy_words
from core.search.spelling import correction
from core.text import STOP_WORDS, WORD_RE, fold

from .models.pages import ResourceKind, ResourcePage
from .models.snippets import Audience, LegalReference, Theme

QUERY_MAX_LENGTH = 200
SLUG_RE = re.compile(r"[-a-zA-Z0-9_]+")
PAGE_SIZE = 10
FIRST_YEAR, LAST_YEAR = 1990, 2100
SORTS = {"pertinence": "relevance", "date": "date"}

FACET_LABELS = {
    "nature": _lazy("Nature"),
    "theme": _lazy("Thème"),
    "public": _lazy("Public"),
    "reference": _lazy("Référence juridique"),
    "annee": _lazy("Année"),
}
# URL parameter → (page field, taxonomy model or None)
FACETS = {
    "nature": ("kind", None),
    "theme": ("themes", Theme),
    "public": ("audiences", Audience),
    "reference": ("legal_references", LegalReference),
    "annee": ("year", None),
}


@dataclass
class SearchParams:
    query: str = ""
    filters: dict = field(default_factory=dict)  # URL parameter → value as it appears in the URL
    sort: str = "pertinence"
    page: str = "1"
    sort_given: bool = False
    messages: list = field(default_factory=list)
    # "exact=1": search the words as typed, without correcting them.
    exact: bool = False
    # The visitor's words when the search ran on their correction instead (core.search.spelling).
    corrected_from: str = ""

    def querystring(self, **changes):
        """This search's URL parameters, with `changes` applied (None removes a parameter)."""
        data = {"q": self.query} if self.query else {}
        data.update(self.filters)
        if self.sort_given:
            data["tri"] = self.sort
        if self.exact:
            data["exact"] = "1"
        for key, value in changes.items():
            if value is None:
                data.pop(key, None)
            else:
                data[key] = value
        return urlencode(data)

    @property
    def is_filtered(self):
        return bool(self.query or self.filters)


def without_control_characters(text):
    """Control characters (invalid in the feeds' XML) and lone surrogates become spaces."""
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in text)


def _single(value):
    return value if isinstance(value, str) else ""


def read_params(data, locale):
    """Read q, the filters, tri and page from a QueryDict; unknown values are dropped with a French
    message, never an error."""
    params = SearchParams()
    query = " ".join(without_control_characters(_single(data.get("q", ""))).split())
    if len(query) > QUERY_MAX_LENGTH:
        query = query[:QUERY_MAX_LENGTH]
        params.messages.append(
            _(
                "Votre recherche était trop longue : seuls ses %(n)d premiers caractères "
                "ont été pris en compte."
            )
            % {"n": QUERY_MAX_LENGTH}
        )
    params.query = query
    for name in FACETS:
        value = without_control_characters(_single(data.get(name, ""))).strip()[:80]
        if not value:
            continue
        if _filter_value(name, value, locale) is None:
            params.messages.append(
                _("Le filtre « %(value)s » n'existe pas : il a été ignoré.") % {"value": value}
            )
            continue
        params.filters[name] = value
    sort = _single(data.get("tri", "")).strip()
    if sort in SORTS:
        params.sort = sort
        params.sort_given = True
    elif sort:
        params.messages.append(_("Tri inconnu : les résultats sont triés par pertinence."))
    if not params.query and params.sort == "pertinence":
        params.sort = "date"
    params.page = _single(data.get("page", "1"))[:20] or "1"
    params.exact = _single(data.get("exact", "")) == "1"
    return params


def taxonomy(model):
    """{"by_pk": {pk: (slug, name)}, "by_slug": {(slug, locale id): pk}} of a taxonomy, every
    language: what the filters and the facets' labels read, kept per generation of the page cache
    (a snippet's change purges it) rather than asked at every search."""

    def find():
        rows = model.objects.values_list("pk", "slug", "name", "locale_id")
        return {
            "by_pk": {pk: (slug, name) for pk, slug, name, _locale in rows},
            "by_slug": {(slug, locale): pk for pk, slug, _name, locale in rows},
        }

    return cached_per_generation(f"hub-taxonomy:{model._meta.label_lower}", find)


def _filter_value(name, value, locale):
    """The database value a URL filter stands for, or None when it names nothing."""
    page_field, model = FACETS[name]
    if not SLUG_RE.fullmatch(value):
        return None
    if model is not None:
        return taxonomy(model)["by_slug"].get((value, locale.pk))
    if name == "nature":
        return value if value in ResourceKind.values else None
    if value.isdigit() and FIRST_YEAR <= int(value) <= LAST_YEAR:
        return int(value)
    return None


def base_queryset(hub, params, database_backend=True):
    # .public() without its query for the view restrictions (core.cache.pages).
    queryset = ResourcePage.objects.live().exclude(private_pages_q()).descendant_of(hub)
    for name, value in params.filters.items():
        page_field, model = FACETS[name]
        wanted = _filter_value(name, value, hub.locale)
        if model is None:
            queryset = queryset.filter(**{page_field: wanted})
        else:
            # Through the page ids: the search engines filter on the page's own fields, not joins.
            through = getattr(ResourcePage, page_field).through
            column = f"{model._meta.model_name}_id"
            page_ids = through.objects.filter(**{column: wanted}).values("resourcepage_id")
            if database_backend:
                queryset = queryset.filter(id__in=page_ids)
            else:
                # Elasticsearch's query compiler silently drops a filter on the child table's
                # page_ptr: filter on a column of the page table itself, with the values listed.
                keys = ResourcePage.objects.filter(pk__in=page_ids).values_list(
                    "translation_key", flat=True
                )
                queryset = queryset.filter(translation_key__in=list(keys))
    return queryset


def run_search(hub, params, backend=None):
    """The matching resources for `params`: a sliceable sequence with `count()` (a QuerySet without a
    query, MatchedObjects on the database backends, the engine's SearchResults on Elasticsearch).

    On the database backends, a query that finds nothing is searched again with its misspelt words
    corrected (core.search.spelling) unless `params.exact`; when that finds something, `params.query`
    becomes the correction and `params.corrected_from` the words as typed."""
    backend = backend or get_search_backend()
    results = _run_search(hub, params, backend)
    if params.query and not params.exact and isinstance(results, MatchedObjects) and not results:
        corrected = correction(backend, params.query)
        if corrected:
            original = params.query
            params.query = corrected
            retried = _run_search(hub, params, backend)
            if retried:
                params.corrected_from = original
                return retried
            params.query = original
    return results


def _run_search(hub, params, backend):
    database = is_database_backend(backend)
    queryset = base_queryset(hub, params, database)
    if params.sort == "date" or not params.query:
        queryset = queryset.order_by("-date", "-id")
    if not params.query:
        return queryset
    # Legal references ("L2113-12") are one token in the query and in the index (core.search.analysis).
    query = parse_search_query(params.query)
    if query is None:
        return queryset.none()
    query = without_stop_words(query, hub.locale.language_code)
    by_relevance = params.sort == "pertinence"
    if database:
        return MatchedObjects(
            ResourcePage.objects.all(), matching_ids(backend, query, queryset, by_relevance)
        )
    return backend.search(
        with_fuzzy_words(query), queryset, operator="and", order_by_relevance=by_relevance
    )


def without_stop_words(query, language):
    """`query` without the stop words of the hub's language in its plain parts: "the contract" looks
    for "contract" (the French analysis of PostgreSQL and Elasticsearch drops French stop words, not
    English ones; SQLite drops none). Phrases keep theirs; a query of stop words only stays as it is."""
    stop_words = STOP_WORDS.get(language, frozenset())
    parts = query.subqueries if isinstance(query, And) else [query]
    kept = []
    for part in parts:
        if isinstance(part, PlainText):
            words = [w for w in WORD_RE.findall(part.query_string) if fold(w) not in stop_words]
            if words:
                kept.append(PlainText(" ".join(words), operator=part.operator))
        else:
            kept.append(part)
    if not kept:
        return query
    return kept[0] if len(kept) == 1 else And(kept)


def facet_counts(hub, params, results):
    """[{name, label, options: [{value, label, count, selected}]}] per filter, in the order of FACETS,
    with the values that have at least one result."""
    fields = [page_field for page_field, _model in FACETS.values()]
    if isinstance(results, MatchedObjects):
        raw = results.facets(fields)
    elif params.query and getattr(results, "supports_facet", False):
        raw = elasticsearch_facets(results, fields)
    else:
        raw = {
            page_field: {
                row[page_field]: row["n"]
                for row in results.order_by()
                .values(page_field)
                .annotate(n=Count("pk", distinct=True))
            }
            for page_field in fields
        }
    counts = {
        name: {key: value for key, value in raw[page_field].items() if key is not None and value}
        for name, (page_field, _model) in FACETS.items()
    }
    return _labelled(hub, params, counts)


def _labelled(hub, params, counts):
    facets = []
    kinds = dict(ResourceKind.choices)
    for name, (_page_field, model) in FACETS.items():
        raw = counts[name]
        selected = params.filters.get(name)
        if model is not None:
            items = taxonomy(model)["by_pk"]
            options = [(*items[pk], count) for pk, count in raw.items() if pk in items]
            options.sort(key=lambda option: (-option[2], option[1]))
        elif name == "nature":
            options = [(key, str(kinds[key]), raw[key]) for key in kinds if key in raw]
        else:
            options = [(str(year), str(year), raw[year]) for year in sorted(raw, reverse=True)]
        facets.append(
            {
                "name": name,
                "label": FACET_LABELS[name],
                "options": [
                    {"value": value, "label": label, "count": count, "selected": value == selected}
                    for value, label, count in options
                ],
            }
        )
    return facets


def suggestions(hub, limit=6):
    """Themes with the most resources, offered when a search finds nothing."""
    return (
        Theme.objects.filter(locale=hub.locale)
        .annotate(n=Count("resourcepage"))
        .filter(n__gt=0)
        .order_by("-n", "name")[:limit]
    )
