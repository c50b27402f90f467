from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObservatoryConfig(AppConfig):
    name = "observatory"
    verbose_name = _("Observatoire des clauses sociales")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.cache import register_cacheable_routes
        from core.cache.registry import register_purge_models
        from core.digest import register_digest_source
        from core.sections import register_home_section, register_main_menu_entry

        from .home import home_key_figure, latest_key_figure_items

        register_home_section(
            "observatory", "observatory/includes/home_section.html", home_key_figure, order=30
        )
        register_digest_source(
            "observatory", _("Chiffre clé de l'observatoire"), latest_key_figure_items
        )
        register_main_menu_entry("observatory", after="tenders")
        # The observatory's pages show the operations' figures (observatory.caching).
        register_purge_models("observatory.Operation")
        # The page cache (core.cache): the methodology, the open-data downloads, the indicators'
        # downloads and the yearly reports, besides the dashboard (its main route).
        register_cacheable_routes(
            "observatory.ObservatoryPage",
            "methodology_view",
            "data_view",
            "indicator_data_view",
            "report_view",
        )
