"""RSS 2.0 and Atom feeds of the hub, for all resources or for any filtered search: the feed takes the
same URL parameters as the hub page."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from .search import read_params, run_search

FEED_SIZE = 30


class ResourceRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, hub):
        super().__init__()
        self.hub = hub

    def get_object(self, request, *args, **kwargs):
        params = read_params(request.GET, self.hub.locale)
        params.sort = "date"
        self.params = params
        self.request = request
        return params

    def title(self, params):
        if params.query:
            return _("%(hub)s — recherche « %(query)s »") % {
                "hub": self.hub.title,
                "query": params.query,
            }
        return self.hub.title

    def link(self, params):
        query = params.querystring()
        return self.hub.url + (f"?{query}" if query else "")

    def description(self, params):
        return self.hub.intro or _("Les dernières ressources publiées par la mission.")

    def items(self, params):
        return list(run_search(self.hub, params)[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.get_kind_display()] + [theme.name for theme in item.themes.all()]


class ResourceAtomFeed(ResourceRssFeed):
    feed_type = Atom1Feed
    subtitle = ResourceRssFeed.description
