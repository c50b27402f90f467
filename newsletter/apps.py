from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Lettre d'information")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.cache import register_purge_models

        from . import signals  # noqa: F401  (connects the webhooks)

        # The footer's subscription form lists the audiences, in their order, on every cached page.
        register_purge_models("newsletter.Audience")
