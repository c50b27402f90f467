"""The agenda: the events below it, upcoming first then past ones by year, or a month at a time,
filtered by kind, audience and commune, and the same list as an iCalendar feed a calendar
subscribes to.

Its routes call `events.views.agenda`, which reads the events through `models.queries`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from ..views import agenda as views
from ..views import month


class AgendaPage(RoutablePageMixin, Page):
    intro = models.TextField(_("Introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    template = "events/agenda_page.html"

    class Meta:
        verbose_name = _("Agenda")
        verbose_name_plural = _("Agendas")

    @path("")
    def agenda_view(self, request):
        return views.agenda(request, self)

    @path("mois/")
    def month_view(self, request):
        return month.month_view(request, self)

    @path("calendrier/")
    def feed_view(self, request):
        return views.agenda_feed(request, self)

    def serve_preview(self, request, mode_name):
        return self.agenda_view(request)
