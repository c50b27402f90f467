"""When the cached menus are forgotten: whenever a page's title, address or status may have changed,
or editors change the navigation. The keys carry a generation number, so one increment forgets them all."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from home.models import FooterItem, MainMenuItem, NavigationSettings

GENERATION_KEY = "home:menu-generation"


def menu_cache_key(site_id, language, relation):
    generation = cache.get_or_set(GENERATION_KEY, 1, None)
    return f"home:menu:{generation}:{site_id}:{language}:{relation}"


def forget_menus(**kwargs):
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def connect_signals():
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(forget_menus, dispatch_uid=f"home-forget-menus-{signal!r}")
    for model in (NavigationSettings, MainMenuItem, FooterItem):
        post_save.connect(
            forget_menus, sender=model, dispatch_uid=f"home-forget-menus-save-{model.__name__}"
        )
        post_delete.connect(
            forget_menus, sender=model, dispatch_uid=f"home-forget-menus-del-{model.__name__}"
        )
    post_delete.connect(forget_menus, sender=Page, dispatch_uid="home-forget-menus-page-delete")
