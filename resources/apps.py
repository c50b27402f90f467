from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Ressources")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.alerts import register_alert_source
        from core.cache import register_purge_models

        from . import digest, signals  # noqa: F401  (signals: extracts a document's text when saved)
        from .alerts import ALERT_SOURCE

        digest.register()
        register_alert_source(ALERT_SOURCE)
        # A document's text, once extracted, is in the hub's highlighted passages (views.search_text).
        register_purge_models("resources.DocumentText")
