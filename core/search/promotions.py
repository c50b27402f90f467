"""Editors' picks: the links that editors promote for a search (Wagtail's search promotions, *Paramètres
> Résultats de recherche mis en avant*), shown above the results of the site-wide search and of the
resource hub. Read-only: a visitor's search writes nothing (Wagtail's `Query.get` would store every
query typed)."""

from django.db.models import Q

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from core.cache import cached_per_generation
from core.text import significant_words


def promoted_links(text, locale, within=None):
    """[{title, url, description, external}] that editors promoted for `text` (case, accents,
    punctuation and stop words ignored): live public pages of `locale` (below `within` when given),
    and external links. Every promotion is read once per page-cache generation (a few dozen at most,
    keyed by the editors' queries, never by the visitor's): a search looks its words up in them."""
    wanted = significant_words(text)
    if not wanted:
        return []
    within_id = within.pk if within is not None else 0
    by_words = cached_per_generation(
        f"search-promotions:{locale.pk}:{within_id}", lambda: _links_by_words(locale, within)
    )
    return [dict(link) for link in by_words.get(wanted, [])]


def _links_by_words(locale, within):
    """{significant words of an editors' query: its links, in the promotions' order, each URL once}."""
    words_of = {
        query.pk: significant_words(query.query_string)
        for query in Query.objects.filter(editors_picks__isnull=False).distinct()
    }
    words_of = {pk: words for pk, words in words_of.items() if words}
    if not words_of:
        return {}
    pages = Page.objects.live().public().filter(locale=locale)
    if within is not None:
        pages = pages.descendant_of(within)
    picks = (
        SearchPromotion.objects.filter(query__in=list(words_of))
        .filter(Q(page__isnull=True) | Q(page__in=pages))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    by_words, seen = {}, set()
    for pick in picks:
        words = words_of[pick.query_id]
        url = pick.page.url if pick.page else pick.external_link_url
        if not url or (words, url) in seen:
            continue
        seen.add((words, url))
        by_words.setdefault(words, []).append(
            {
                "title": pick.title,
                "url": url,
                "description": pick.description,
                "external": pick.page is None,
            }
        )
    return by_words
