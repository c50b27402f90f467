from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Agenda")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
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
