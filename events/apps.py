from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Agenda")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.cache import register_cacheable_routes, register_purge_models
        from core.digest import register_digest_source
        from core.sections import (
            register_home_section,
            register_main_menu_entry,
            register_members_section,
        )
        from core.sitemaps import register_sitemap

        from .home import next_events, next_network_meetings
        from .models.queries import upcoming_events
        from .sitemaps import OccurrenceSitemap

        register_digest_source("events", _("Prochains événements"), upcoming_events)
        register_sitemap("events-occurrences", OccurrenceSitemap)
        register_home_section("events", "events/includes/home_section.html", next_events, order=20)
        register_members_section(
            "events",
            "events/includes/members_section.html",
            next_network_meetings,
            order=20,
        )
        register_main_menu_entry("agenda", after="resources")
        # The page cache (core.cache): the public agenda, its month view, an event's dates and their
        # feeds; never the registration forms nor their tokens. A registration changes the places
        # left on the event's pages. Members-only events are restricted pages (Wagtail privacy): an
        # anonymous visitor gets a redirect, which is never stored.
        register_cacheable_routes("events.AgendaPage", "month_view", "feed_view")
        register_cacheable_routes(
            "events.EventPage", "ical_view", "occurrence_view", "occurrence_ical_view"
        )
        register_purge_models("events.Registration")
        # The agenda keeps the ids of the events the public sees per generation
        # (views.agenda.visible_ids): a page privacy added or removed changes them.
        register_purge_models("wagtailcore.PageViewRestriction")
