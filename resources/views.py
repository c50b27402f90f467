"""The hub's search page and its autocomplete endpoint (served by ResourceIndexPage's routes)."""

from dataclasses import replace

from django.conf import settings
from django.http import HttpResponseNotAllowed, JsonResponse, QueryDict
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from core.alerts import SearchAlertForm
from core.cache import cached_per_generation
from core.pagination import paginate
from core.ratelimit import client_ip, rate_limited
from core.search.alternatives import alternatives
from core.search.highlight import highlight_best_passage, highlight_title
from core.search.promotions import promoted_links
from core.text import WORD_RE
from newsletter import subscriptions

from .alerts import subscribe_to_search
from .forms import ALERT_CONSENT_TEXT
from .models.pages import ResourceKind, ResourcePage
from .search import (
    FACET_LABELS,
    FACETS,
    PAGE_SIZE,
    _filter_value,
    facet_counts,
    read_params,
    run_search,
    suggestions,
)

AUTOCOMPLETE_LIMIT = 8


def search_text(resource):
    """The resource's text for its highlighted passage (its body rendered, its documents' text),
    kept per generation of the page cache: a publish, or a document's text extracted
    (ResourcesConfig), forgets it."""
    return cached_per_generation(f"resource-text:{resource.pk}", resource.search_text)


def result_entries(results_page, query):
    entries = []
    for resource in results_page:
        passage = ""
        if query:
            passage = highlight_best_passage(
                [lambda page=resource: page.summary, lambda page=resource: search_text(page)],
                query,
            )
        entries.append(
            {
                "page": resource,
                "title": highlight_title(resource.title, query) if query else resource.title,
                "passage": passage,
            }
        )
    return entries


def hub_search(request, hub):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    params = read_params(request.GET, hub.locale)
    results = run_search(hub, params)
    results_page = paginate(results, params.page, params.messages, PAGE_SIZE)
    facets = facet_counts(hub, params, results)
    others = (
        search_alternatives(hub, params)
        if params.query and not results_page.paginator.count
        else []
    )
    context = hub.get_context(request)
    context.update(
        {
            "params": params,
            "search_query": params.query,
            "results_page": results_page,
            "entries": result_entries(results_page, params.query),
            "facets": facets,
            # Editors' picks answer words, not filters: shown for a plain search, first page.
            "promoted": (
                promoted_links(params.query, hub.locale, within=hub)
                if params.query and not params.filters and results_page.number == 1
                else []
            ),
            "search_messages": params.messages,
            # "rechercher plutôt …": the words as typed, searched without correction.
            "uncorrected_query": (
                params.querystring(q=params.corrected_from, exact="1", page=None)
                if params.corrected_from
                else ""
            ),
            "suggestions": suggestions(hub) if not results_page.paginator.count else [],
            "alternatives": [
                {
                    "query": other.query,
                    "count": other.count,
                    "url": "?" + params.querystring(q=other.query, page=None, exact=None),
                }
                for other in others
            ],
            "feed_query": params.querystring(),
            "active_filters": active_filters(facets, params),
        }
    )
    return TemplateResponse(request, hub.template, context)


def search_alternatives(hub, params):
    """ "Essayez avec…": the searches with fewer words, same filters, that find something
    (core.search.alternatives), each run as typed (no correction)."""
    return alternatives(
        params.query,
        lambda words: run_search(hub, replace(params, query=words, exact=True)).count(),
    )


def active_filters(facets, params):
    """The filters in use, each with what it is and the search without it: the removable chips
    above the results, and the words of the results heading."""
    chips = []
    for facet in facets:
        for option in facet["options"]:
            if option["selected"]:
                remaining = params.querystring(**{facet["name"]: None})
                chips.append(
                    {
                        "facet": facet["label"],
                        "label": option["label"],
                        "remove_query": remaining,
                    }
                )
    return chips


def autocomplete(request, hub):
    """Up to eight resource titles that start with the words typed so far, as JSON."""
    text = request.GET.get("q", "")
    # Words only: the engines' autocomplete takes its input as query syntax (a lone quote breaks
    # SQLite's FTS5).
    text = " ".join(WORD_RE.findall(text if isinstance(text, str) else "")[:10])[:100]
    if len(text) < 2:
        return JsonResponse({"results": []})
    pages = (
        ResourcePage.objects.live()
        .public()
        .descendant_of(hub)
        .autocomplete(text, operator="and")[:AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse({"results": [{"title": page.title, "url": page.url} for page in pages]})


def search_alert(request, hub):
    """GET: the alert form for the search in the URL; POST: subscribe (double opt-in)."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    status = 200
    done = False
    if request.method == "POST":
        if subscriptions.subscribe_rate_limited(request):
            return rate_limited(request)
        form = SearchAlertForm(request.POST)
        if form.is_valid():
            params = read_params(QueryDict(form.cleaned_data["search"]), hub.locale)
            subscribe_to_search(
                hub,
                email=form.cleaned_data["email"],
                frequency=form.cleaned_data["frequency"],
                querystring=params.querystring(),
                language=translation.get_language() or settings.LANGUAGE_CODE,
                consent_text=str(ALERT_CONSENT_TEXT),
                ip=client_ip(request),
                description=str(describe_search(params, hub)),
            )
            done = True
        else:
            status = 400
        params = read_params(QueryDict(request.POST.get("search", "")[:1000]), hub.locale)
    else:
        params = read_params(request.GET, hub.locale)
        form = SearchAlertForm(initial={"search": params.querystring()})
    context = hub.get_context(request)
    context.update(
        {
            "form": form,
            "params": params,
            "done": done,
            "consent_text": ALERT_CONSENT_TEXT,
            "search_description": describe_search(params, hub),
        }
    )
    return TemplateResponse(request, "resources/search_alert.html", context, status=status)


def describe_search(params, hub):
    """The search in words: « insertion » ; Thème : Marchés réservés ; Année : 2024."""
    # The punctuation is the language's: « insertion » ; Thème : … in French, “insertion”; Theme: …
    parts = [_("« %(query)s »") % {"query": params.query}] if params.query else []
    for name, value in params.filters.items():
        _field, model = FACETS[name]
        label = value
        if model is not None:
            item = model.objects.filter(pk=_filter_value(name, value, hub.locale)).first()
            label = item.name if item else value
        elif name == "nature":
            label = ResourceKind(value).label
        parts.append(_("%(facet)s : %(value)s") % {"facet": FACET_LABELS[name], "value": label})
    return _(" ; ").join(str(part) for part in parts) or _("toutes les ressources")
