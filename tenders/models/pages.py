"""The watch page under the home page: the filterable list of the Hérault's notices and each
notice's page, as routes of one page. Its routes call the views, which read the notices through
`models.notices`, never through this module: the imports go one way."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from .. import views


class WatchPage(RoutablePageMixin, Page):
    intro = models.TextField(_("Introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "tenders/watch_page.html"

    class Meta:
        verbose_name = _("Veille des marchés publics")
        verbose_name_plural = _("Veilles des marchés publics")

    @path("")
    def watch_view(self, request):
        return views.watch(request, self)

    @path("flux/")
    def feed_view(self, request):
        return views.feed(request, self)

    @path("alerte/")
    def alert_view(self, request):
        return views.search_alert(request, self)

    @path("acheteurs-a-rencontrer/")
    def buyers_view(self, request):
        return views.buyers_to_meet(request, self)

    @path("avis/<str:idweb>/")
    def notice_view(self, request, idweb):
        return views.notice_detail(request, self, idweb)

    @path("avis/<str:idweb>/<str:action>/")
    def notice_followup_view(self, request, idweb, action):
        return views.notice_followup(request, self, idweb, action)

    def serve_preview(self, request, mode_name):
        return self.watch_view(request)
