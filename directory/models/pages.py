"""The directory page: "qui peut m'aider ?" by commune, the filterable list and map of the actors,
and each actor's page, as routes of one page under the home page.

Its routes call the views, which read the actors through `models.actors` and `models.territories`,
never through this module: the imports go one way."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from .. import views


class DirectoryPage(RoutablePageMixin, Page):
    intro = models.TextField(_("Introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "directory/directory_page.html"

    class Meta:
        verbose_name = _("Annuaire des acteurs")
        verbose_name_plural = _("Annuaires des acteurs")

    @path("")
    def directory_view(self, request):
        return views.directory(request, self)

    @path("facilitateur/")
    def facilitator_view(self, request):
        return views.find_facilitator(request, self)

    @path("communes/")
    def communes_view(self, request):
        return views.commune_suggestions(request, self)

    @path("points/")
    def points_view(self, request):
        return views.map_points(request, self)

    @path("<slug:slug>/corriger/")
    def correction_view(self, request, slug):
        return views.propose_correction(request, self, slug)

    @path("<slug:slug>/")
    def actor_view(self, request, slug):
        return views.actor_detail(request, self, slug)

    def serve_preview(self, request, mode_name):
        return self.directory_view(request)
