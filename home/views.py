"""Site-wide views of the public site: search, robots.txt and the rate-limit answer."""

import re

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.html import escape, strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And
from wagtail.search.utils import parse_query_string

from django_ratelimit.core import is_ratelimited

from resources.highlight import highlight_best_passage, highlight_title

from .matching import MatchedObjects, is_database_backend, matching_ids
from .promotions import promoted_links
from .templatetags.home_tags import page_summary

SEARCH_MAX_LENGTH = 200
# Punctuation that does not join two word characters ("-", "''" or "*" alone or at a word's edge);
# inside a word it stays: "L2113-13", "l'emploi".
LOOSE_PUNCTUATION = re.compile(r'(?<!\w)[^\w\s"]+|[^\w\s"]+(?!\w)')
WORD_RE = re.compile(r"\w", re.UNICODE)
SEARCH_PAGE_SIZE = 10


def parse_search_query(text):
    """The visitor's words as a Wagtail query: every word must match ("all words"), "quoted phrases"
    match as phrases, and an unbalanced quote or an engine operator is taken as plain text. Colons are
    not Wagtail's field filters here ("CCP:L2113-13" is two words)."""
    # Loose punctuation matches nothing, and Wagtail's PostgreSQL backend fails to combine the empty
    # query it makes of a word such as "-''AND": it goes (double quotes stay, they make phrases).
    text = LOOSE_PUNCTUATION.sub(" ", text.replace(":", " "))
    _filters, query = parse_query_string(text, operator="and")
    # A part without any letter or digit gives PostgreSQL an empty query that it cannot combine:
    # leave such parts out; None when nothing is left to search for.
    parts = query.subqueries if isinstance(query, And) else [query]
    parts = [part for part in parts if WORD_RE.search(getattr(part, "query_string", "") or "")]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def contact_rate_limited(request):
    """Count one contact-form post for the visitor's address; True once the limit is passed."""
    return is_ratelimited(
        request,
        group="contact-form",
        key="ip",
        rate=settings.CONTACT_RATE_LIMIT,
        method="POST",
        increment=True,
    )


def rate_limited(request, exception):
    return render(request, "429.html", status=429)


def site_search(query):
    """The live pages of the visitor's language matching `query` (None: nothing), best first; on
    the database backends through one full-text match (home.matching), so that a search stays fast
    over tens of thousands of resources."""
    pages = Page.objects.live().public().filter(locale=Locale.get_active())
    if query is None:
        return pages.none()
    backend = get_search_backend()
    if is_database_backend(backend):
        return MatchedObjects(Page.objects.specific(), matching_ids(backend, query, pages, True))
    return backend.search(query, pages.specific(), operator="and")


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
                "Votre recherche était trop longue : seuls ses %(n)d premiers caractères "
                "ont été pris en compte."
            )
            % {"n": SEARCH_MAX_LENGTH}
        )

    results_page = None
    search_query = parse_search_query(query) if query else None
    if query:
        results = site_search(search_query)
        paginator = Paginator(results, SEARCH_PAGE_SIZE)
        raw_page = request.GET.get("page", "1")
        try:
            results_page = paginator.page(raw_page)
        except PageNotAnInteger:
            messages.append(
                _("Le numéro de page « %(page)s » n'est pas valide : voici la première page.")
                % {"page": raw_page[:20]}
            )
            results_page = paginator.page(1)
        except EmptyPage:
            messages.append(_("Cette page de résultats n'existe pas : voici la dernière."))
            results_page = paginator.page(paginator.num_pages)

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
    from django.db import connection
    from django.http import HttpResponse

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
