"""The sitemap: every live page in every language, and the entries apps register (for what is not a
page), in one `sitemap.xml`.

    from core.sitemaps import register_sitemap
    register_sitemap("events-occurrences", OccurrenceSitemap)   # in AppConfig.ready()
"""

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap lists the default-language tree only; this one lists every translation."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for root in roots:
            in_a_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(in_a_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


_SITEMAPS: dict[str, type[Sitemap]] = {}


def register_sitemap(name: str, sitemap: type[Sitemap]) -> None:
    """Add an app's entries to sitemap.xml under `name`."""
    _SITEMAPS[name] = sitemap


def sitemaps() -> dict[str, type[Sitemap]]:
    """The sitemaps of sitemap.xml: the pages, then every registered one."""
    return {"pages": MultilingualSitemap, **_SITEMAPS}
