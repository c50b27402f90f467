from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from config.media import serve_media
from core.sitemaps import sitemaps
from home import views as home_views
from newsletter import views as newsletter_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps()}),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("healthz", home_views.healthz, name="healthz"),
    # Provider webhooks (anymail) and the RFC 8058 one-click unsubscribe: mailbox providers and email
    # services call them without a language prefix.
    path("anymail/", include("newsletter.webhooks")),
    path(
        "newsletter/one-click/<str:token>/",
        newsletter_views.one_click_unsubscribe,
        name="newsletter_one_click",
    ),
    # French is served without a prefix: /fr/... sends to the same address without it.
    re_path(r"^fr/(?P<rest>.*)$", home_views.french_prefix_redirect),
    # The newsletter's English pages were under /en/lettre/ until their paths were translated.
    re_path(r"^en/lettre/(?P<rest>.*)$", newsletter_views.english_legacy_redirect),
]

if settings.SERVE_MEDIA:
    # Local media served by Django itself (embedded default); with object storage or a reverse proxy
    # serving MEDIA_ROOT, SERVE_MEDIA is off.
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve_media))

urlpatterns += i18n_patterns(
    # Translated paths: /recherche/ in French, /en/search/ in English.
    path(_("recherche/"), home_views.search, name="search"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path(_("lettre/"), include("newsletter.urls")),
    path(_("espace-reseau/"), include("members.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
