from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site public")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.digest import register_digest_source

        from . import slugs
        from .models import latest_content_pages
        from .navigation import connect_signals

        register_digest_source(
            "content_pages", _("Dernières pages publiées du site"), latest_content_pages
        )
        connect_signals()
        slugs.connect_signals()
