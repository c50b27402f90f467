"""An event's speakers and documents (slides, minutes), edited inline on the event's page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class EventSpeaker(Orderable):
    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("Nom"), max_length=150)
    role = models.CharField(_("Fonction et structure"), max_length=250, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role")]


class EventDocument(Orderable):
    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    description = models.CharField(_("Description"), max_length=250, blank=True)

    panels = [FieldPanel("document"), FieldPanel("description")]
