"""Each date of a series in sitemap.xml: the dates are routes of their event page (`2027-01-12/`),
not pages of their own, so the pages' sitemap does not list them. Public events only: a meeting
reserved to the network never appears."""

from django.contrib.sitemaps import Sitemap

from .models.occurrences import EventOccurrence
from .models.queries import public_events

SITEMAP_LIMIT = 10000


class OccurrenceSitemap(Sitemap):
    """One entry per date of a live public recurring event (every language), latest first."""

    def items(self):
        events = {
            event.pk: event
            for event in public_events().only("pk", "url_path", "locale_id", "last_published_at")
        }
        occurrences = (
            EventOccurrence.objects.filter(event_id__in=list(events), in_series=True)
            .order_by("-original_date", "pk")
            .only("pk", "event_id", "original_date")[:SITEMAP_LIMIT]
        )
        urls = {}
        items = []
        for occurrence in occurrences:
            event = events[occurrence.event_id]
            if event.pk not in urls:
                urls[event.pk] = event.url
            if urls[event.pk] is None:
                continue
            items.append((urls[event.pk], occurrence.key, event.last_published_at))
        return items

    def location(self, item):
        url, key, _ = item
        return f"{url}{key}/"

    def lastmod(self, item):
        return item[2]
