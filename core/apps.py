from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared machinery (no models of its own): after every migrate it keeps the editor groups
    and the moderation workflow in step with what the apps declare (core.permissions)."""

    name = "core"
    verbose_name = _("Socle commun")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        post_migrate.connect(_configure_groups, sender=self)

        from .cache import register_purge_models
        from .cache.signals import connect_purge

        # Editors' picks (core.search.promotions) are read once per generation.
        register_purge_models(
            "wagtailsearchpromotions.Query", "wagtailsearchpromotions.SearchPromotion"
        )
        connect_purge()


def _configure_groups(sender, apps=None, using="default", **kwargs):
    # Runs after every migrate. Django creates the permissions of each app in that app's own
    # post_migrate, and core comes first: create them all now, then give them to the groups.
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    from .permissions import configure_editor_groups

    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    configure_editor_groups()
