from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Agenda")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.digest import register_digest_source

        from .models.event import upcoming_events

        register_digest_source("events", _("Prochains événements"), upcoming_events)
