from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Annuaire des acteurs")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.cache import register_cacheable_routes, register_purge_models
        from core.digest import register_digest_source
        from core.reference import register_reference_provider
        from core.sections import register_home_section, register_main_menu_entry
        from core.sitemaps import register_sitemap

        from .home import facilitator_lookup
        from .reference import DirectoryReference
        from .sitemaps import ActorSitemap, latest_verified_actors

        register_digest_source(
            "directory", _("Acteurs de l'annuaire vérifiés récemment"), latest_verified_actors
        )
        register_sitemap("directory-actors", ActorSitemap)
        register_home_section(
            "directory", "directory/includes/home_section.html", facilitator_lookup, order=10
        )
        register_main_menu_entry("directory", after="agenda")
        register_reference_provider(DirectoryReference())
        # The page cache (core.cache): the list, the map's points and the actors' pages; never the
        # correction form, the facilitator finder nor the communes' suggestions (visitor input).
        register_cacheable_routes("directory.DirectoryPage", "points_view", "actor_view")
        # The territories other apps read through core.reference are kept per generation.
        register_purge_models("directory.Commune", "directory.EPCI")
