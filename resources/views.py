"""The hub's search page and its autocomplete endpoint (served by ResourceIndexPage's routes)."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponseNotAllowed, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .highlight import WORD_RE, highlight_passage, highlight_title
from .search import facet_counts, read_params, run_search, suggestions

AUTOCOMPLETE_LIMIT = 8


def paginate(results, raw_page, messages, page_size):
    paginator = Paginator(results, page_size)
    try:
        return paginator.page(raw_page)
    except PageNotAnInteger:
        messages.append(
            _("Le numéro de page « %(page)s » n'est pas valide : voici la première page.")
            % {"page": raw_page}
        )
        return paginator.page(1)
    except EmptyPage:
        messages.append(_("Cette page de résultats n'existe pas : voici la dernière."))
        return paginator.page(paginator.num_pages)


def result_entries(results_page, query):
    entries = []
    for resource in results_page:
        passage = ""
        if query:
            passage = highlight_passage(resource.summary, query) or highlight_passage(
                resource.search_text(), query
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
    from .search import PAGE_SIZE

    params = read_params(request.GET, hub.locale)
    results = run_search(hub, params)
    results_page = paginate(results, params.page, params.messages, PAGE_SIZE)
    facets = facet_counts(hub, params, results)
    context = hub.get_context(request)
    context.update(
        {
            "params": params,
            "search_query": params.query,
            "results_page": results_page,
            "entries": result_entries(results_page, params.query),
            "facets": facets,
            "search_messages": params.messages,
            "suggestions": suggestions(hub) if not results_page.paginator.count else [],
            "feed_query": params.querystring(),
        }
    )
    return TemplateResponse(request, hub.template, context)


def autocomplete(request, hub):
    """Up to eight resource titles that start with the words typed so far, as JSON."""
    text = request.GET.get("q", "")
    # Words only: the engines' autocomplete takes its input as query syntax (a lone quote breaks
    # SQLite's FTS5).
    text = " ".join(WORD_RE.findall(text if isinstance(text, str) else "")[:10])[:100]
    if len(text) < 2:
        return JsonResponse({"results": []})
    from .models import ResourcePage

    pages = (
        ResourcePage.objects.live()
        .public()
        .descendant_of(hub)
        .autocomplete(text, operator="and")[:AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse({"results": [{"title": page.title, "url": page.url} for page in pages]})
