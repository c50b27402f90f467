"""The observatory's page under the home page: the dashboard, the methodology and the open-data
downloads, as routes of one page. The routes call the views, which read the operations through
`models.operations`, never through this module: the imports go one way."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .. import views


class ObservatoryPage(RoutablePageMixin, Page):
    intro = models.TextField(_("Introduction"), blank=True)
    methodology = RichTextField(
        _("Méthodologie"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text=_("Sources et définitions, en tête de la page de méthodologie."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("methodology")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "observatory/observatory_page.html"

    class Meta:
        verbose_name = _("Observatoire des clauses sociales")
        verbose_name_plural = _("Observatoires des clauses sociales")

    @path("")
    def dashboard_view(self, request):
        return views.dashboard(request, self)

    @path("methodologie/")
    def methodology_view(self, request):
        return views.methodology(request, self)

    @re_path(r"^donnees/(?P<key>[a-z]+)/(?P<fmt>csv|json)/$")
    def data_view(self, request, key, fmt):
        return views.download(request, self, key, fmt)

    @re_path(r"^rapport-annuel/(?P<year>[0-9]{4})/$")
    def report_view(self, request, year):
        return views.yearly_report(request, self, year)

    @re_path(r"^indicateurs/(?P<slug>[a-z-]+)/(?P<fmt>csv|json)/$")
    def indicator_data_view(self, request, slug, fmt):
        return views.indicator_download(request, self, slug, fmt)

    def serve_preview(self, request, mode_name):
        return self.dashboard_view(request)
