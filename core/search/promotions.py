"""Editors' picks: the links that editors promote for a search (Wagtail's search promotions, *Paramètres
> Résultats de recherche mis en avant*), shown above the results of the site-wide search and of the
resource hub. Read-only: a visitor's search writes nothing (Wagtail's `Query.get` would store every
query typed)."""

from django.db.models import Q

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from core.text import significant_words


def promoted_links(text, locale, within=None):
    """[{title, url, description, external}] that editors promoted for `text` (case, accents,
    punctuation and stop words ignored): live public pages of `locale` (below `within` when given),
    and external links."""
    wanted = significant_words(text)
    if not wanted:
        return []
    queries = [
        query.pk
        for query in Query.objects.filter(editors_picks__isnull=False).distinct()
        if significant_words(query.query_string) == wanted
    ]
    if not queries:
        return []
    pages = Page.objects.live().public().filter(locale=locale)
    if within is not None:
        pages = pages.descendant_of(within)
    picks = (
        SearchPromotion.objects.filter(query__in=queries)
        .filter(Q(page__isnull=True) | Q(page__in=pages))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    links, seen = [], set()
    for pick in picks:
        url = pick.page.url if pick.page else pick.external_link_url
        if not url or url in seen:
            continue
        seen.add(url)
        links.append(
            {
                "title": pick.title,
                "url": url,
                "description": pick.description,
                "external": pick.page is None,
            }
        )
    return links
