from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Annuaire des acteurs")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.digest import register_digest_source
        from core.sitemaps import register_sitemap

        from .sitemaps import ActorSitemap, latest_verified_actors

        register_digest_source(
            "directory", _("Acteurs de l'annuaire vérifiés récemment"), latest_verified_actors
        )
        register_sitemap("directory-actors", ActorSitemap)
