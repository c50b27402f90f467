"""The Atom feed of any filtered search of the watch: the same words and filters as the page, the
50 newest notices, each with its social-consideration reason."""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .search import read_params, run_search

FEED_SIZE = 50


class WatchFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, page):
        params = read_params(request.GET)
        return page, params, request

    def title(self, obj):
        page, params, _request = obj
        if params.is_filtered:
            return _("%(watch)s : recherche filtrée") % {"watch": page.title}
        return page.title

    def link(self, obj):
        page, params, _request = obj
        query = params.querystring()
        return f"{page.url}?{query}" if query else page.url

    def subtitle(self, obj):
        return obj[0].intro

    def items(self, obj):
        _page, params, _request = obj
        results = run_search(params)
        return list(results[:FEED_SIZE])

    def item_title(self, notice):
        return f"{notice.buyer_name} — {notice.title}"

    def item_description(self, notice):
        if notice.has_social_consideration:
            return "; ".join(reason["reason"] for reason in notice.reasons)
        if notice.lacks_required_consideration:
            return notice.missing_reason
        return _("Aucune considération sociale mentionnée.")

    def item_link(self, notice):
        return f"{self._page.url}avis/{notice.idweb}/"

    def item_guid(self, notice):
        return f"boamp:{notice.idweb}"

    item_guid_is_permalink = False

    def item_pubdate(self, notice):
        return timezone.make_aware(
            timezone.datetime.combine(notice.published_on, timezone.datetime.min.time())
        )

    def item_updateddate(self, notice):
        return notice.updated_at

    def __call__(self, request, page):
        self._page = page
        return super().__call__(request, page=page)
