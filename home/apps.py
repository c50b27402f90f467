from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site public")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import slugs
        from .navigation import connect_signals

        post_migrate.connect(_configure_groups, sender=self)
        connect_signals()
        slugs.connect_signals()


def _configure_groups(sender, apps=None, using="default", **kwargs):
    # Runs after every migrate. Django creates the permissions of each app in that app's own
    # post_migrate, and home comes first: create them all now, then give them to the groups.
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    from .permissions import configure_editor_groups

    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    configure_editor_groups()
