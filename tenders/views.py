"""The watch's views, served by WatchPage's routes: the filterable list of notices and each notice's
page with its analysis and the link to the official notice."""

from django.http import Http404, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.pagination import paginate

from .feeds import WatchFeed
from .models.notices import Notice, NoticeState
from .search import PAGE_SIZE, facet_counts, read_params, run_search

SAFE_METHODS = ("GET", "HEAD")


def watch(request, page):
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    params = read_params(request.GET)
    results = run_search(params)
    results_page = paginate(results, params.page, params.messages, PAGE_SIZE)
    context = page.get_context(request)
    context.update(
        {
            "params": params,
            "search_query": params.query,
            "results_page": results_page,
            "notices": list(results_page),
            "facets": facet_counts(params, results),
            "search_messages": params.messages,
            "base_query": params.querystring(),
            "now": timezone.now(),
        }
    )
    return TemplateResponse(request, page.template, context)


def feed(request, page):
    """The Atom feed of the search in the query string."""
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    return WatchFeed()(request, page)


def notice_detail(request, page, idweb):
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    notice = Notice.objects.filter(idweb=idweb).prefetch_related("events").first()
    if notice is None:
        raise Http404(_("Cet avis n'est pas dans la veille."))
    context = page.get_context(request)
    context.update(
        {
            "notice": notice,
            "events": list(notice.events.all()),
            "is_open": notice.deadline is not None
            and notice.deadline >= timezone.now()
            and notice.state != NoticeState.CANCELLED,
        }
    )
    return TemplateResponse(request, "tenders/notice.html", context)
