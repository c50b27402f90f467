from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TendersConfig(AppConfig):
    name = "tenders"
    verbose_name = _("Veille des marchés publics")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.alerts import register_alert_source
        from core.cache import register_cacheable_routes
        from core.digest import register_digest_source
        from core.indicators import register_indicator_source
        from core.sections import register_main_menu_entry, register_members_section
        from core.sitemaps import register_sitemap
        from core.watch import register_buyer_notices_provider

        from .alerts import ALERT_SOURCE
        from .buyer_notices import notices_of_buyer
        from .indicators import INDICATOR_KEY, INDICATOR_LABEL, social_consideration_shares
        from .members import members_section
        from .sitemaps import NoticeSitemap, latest_social_notices

        register_digest_source(
            "tenders", _("Marchés publics avec clause sociale"), latest_social_notices
        )
        register_sitemap("tenders-notices", NoticeSitemap)
        register_indicator_source(INDICATOR_KEY, INDICATOR_LABEL, social_consideration_shares)
        register_alert_source(ALERT_SOURCE)
        # The public watch in the demo's main menu, after the directory (the observatory follows it).
        register_main_menu_entry("tenders", after="directory")
        register_buyer_notices_provider(notices_of_buyer)
        register_members_section(
            "tenders", "tenders/includes/members_section.html", members_section, order=40
        )
        # The page cache (core.cache): the watch without a query (its main route), its feed and the
        # notices' pages; never the alert form nor the network's follow-up.
        register_cacheable_routes("tenders.WatchPage", "feed_view", "notice_view")
