"""The resource hub: one page that searches, filters, feeds and autocompletes the resources below it.

Its routes call the hub's views and feeds, which read the resources through `models.pages` and
`models.snippets`, never through this module: the imports go one way."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from core.cache.pages import PerGenerationRoutingMixin

from .. import feeds, views


class ResourceIndexPage(RoutablePageMixin, PerGenerationRoutingMixin, Page):
    """The hub: search, filters, feeds and autocomplete over the resources below it."""

    intro = models.TextField(_("Introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    max_count_per_parent = 1
    template = "resources/resource_index_page.html"

    class Meta:
        verbose_name = _("Centre de ressources")
        verbose_name_plural = _("Centres de ressources")

    @path("")
    def search_view(self, request):
        return views.hub_search(request, self)

    @path("flux/rss/")
    def rss_feed(self, request):
        return feeds.ResourceRssFeed(self)(request)

    @path("flux/atom/")
    def atom_feed(self, request):
        return feeds.ResourceAtomFeed(self)(request)

    @path("suggestions/")
    def autocomplete_view(self, request):
        return views.autocomplete(request, self)

    @path("alerte/")
    def alert_view(self, request):
        return views.search_alert(request, self)

    def serve_preview(self, request, mode_name):
        return self.search_view(request)
