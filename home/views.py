"""Site-wide views of the public site: search, robots.txt, the health check and the /fr/ redirect."""

from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils.html import escape, strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from core.pagination import paginate
from core.search.alternatives import alternatives
from core.search.highlight import highlight_best_passage, highlight_title
from core.search.matching import MatchedObjects, is_database_backend, matching_ids
from core.search.promotions import promoted_links
from core.search.query import parse_search_query, with_fuzzy_words
from core.search.spelling import correction

from .templatetags.home_tags import page_summary

SEARCH_MAX_LENGTH = 200
SEARCH_PAGE_SIZE = 10


def site_search(query):
    """The live pages of the visitor's language matching `query` (None: nothing), best first; on
    the database backends through one full-text match (core.search.matching), so that a search stays fast
    over tens of thousands of resources."""
    pages = Page.objects.live().public().filter(locale=Locale.get_active())
    if query is None:
        return pages.none()
    backend = get_search_backend()
    if is_database_backend(backend):
        return MatchedObjects(Page.objects.specific(), matching_ids(backend, query, pages, True))
    return backend.search(with_fuzzy_words(query), pages.specific(), operator="and")


@require_GET
def search(request):
    """Full-text search over the live pages of the visitor's language."""
    messages = []
    query = request.GET.get("q", "")
    if not isinstance(query, str):
        query = ""
    query = " ".join(query.replace("\x00", " ").split())
    if len(query) > SEARCH_MAX_LENGTH:
        query = query[:SEARCH_MAX_LENGTH]
        messages.append(
            _(
                "Votre recherche était trop longue : seuls ses %(n)d premiers caractères "
                "ont été pris en compte."
            )
            % {"n": SEARCH_MAX_LENGTH}
        )

    results_page = None
    corrected_from = ""
    search_query = parse_search_query(query) if query else None
    if query:
        results = site_search(search_query)
        if not results and request.GET.get("exact") != "1":
            # A misspelt word: searched again as the index spells it (core.search.spelling).
            corrected = correction(get_search_backend(), query)
            retried = site_search(parse_search_query(corrected)) if corrected else None
            if retried:
                corrected_from, query, results = query, corrected, retried
        results_page = paginate(results, request.GET.get("page", "1"), messages, SEARCH_PAGE_SIZE)
    # "Essayez avec…": nothing found, even corrected: the searches with fewer words that find some.
    others = (
        alternatives(query, lambda words: site_search(parse_search_query(words)).count())
        if results_page is not None and not results_page.paginator.count
        else []
    )

    on_first_page = results_page is not None and results_page.number == 1
    return render(
        request,
        "home/search.html",
        {
            "promoted": promoted_links(query, Locale.get_active()) if on_first_page else [],
            "search_query": query,
            "results_page": results_page,
            "results": result_entries(results_page, query) if results_page else [],
            "search_messages": messages,
            "corrected_from": corrected_from,
            "alternatives": [
                {
                    "query": other.query,
                    "count": other.count,
                    "url": "?" + urlencode({"q": other.query}),
                }
                for other in others
            ],
            "uncorrected_query": (
                urlencode({"q": corrected_from, "exact": "1"}) if corrected_from else ""
            ),
        },
    )


def result_entries(results_page, query):
    """Each result as the hub shows its own: the kind of page (a resource's nature), its date, the
    title and the best passage for the query, the matched words in <mark>."""
    entries = []
    for page in results_page:
        page = page.specific
        kind = page.get_kind_display() if hasattr(page, "get_kind_display") else None
        summary = page_summary(page)
        texts = [lambda summary=summary: summary]
        if hasattr(page, "search_text"):
            texts.append(page.search_text)
        elif getattr(page, "body", None):
            texts.append(lambda page=page: strip_tags(page.body.render_as_block()))
        entries.append(
            {
                "page": page,
                "kind": kind or capfirst(page.specific_class._meta.verbose_name),
                "date": getattr(page, "date", None) or page.first_published_at,
                "title": highlight_title(page.title, query),
                "passage": highlight_best_passage(texts, query) or escape(summary),
            }
        )
    return entries


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    return render(
        request,
        "robots.txt",
        {
            "sitemap_url": request.build_absolute_uri("/sitemap.xml"),
            "allow_indexing": settings.ALLOW_INDEXING,
        },
        content_type="text/plain; charset=utf-8",
    )


@require_GET
def healthz(request):
    """For load balancers and uptime checks: answers once the database does."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def french_prefix_redirect(request, rest):
    """/fr/<rest> to /<rest> (query kept): French pages live at the prefix-less address, and a
    visitor or a link that adds the language code still lands on them. Leading slashes and
    backslashes are dropped so that /fr//example.org cannot send anyone off the site."""
    target = "/" + rest.lstrip("/\\")
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
