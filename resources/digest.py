"""The hub's source for the newsletter's digest block: the latest resources of the issue's
language, all of them or one kind or one theme, published on the hub before the issue."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from core.digest import register_digest_source

from .models.pages import ResourceKind, ResourcePage
from .models.snippets import Theme

KIND = "kind="
THEME = "theme="


def resource_options():
    """Each kind of resource, then each theme (by translation key, so that the choice holds in
    every language; named in the default language)."""
    options = [(f"{KIND}{value}", label) for value, label in ResourceKind.choices]
    themes = Theme.objects.filter(locale=Locale.get_default()).order_by("name")
    options += [
        (f"{THEME}{theme.translation_key}", _("thème : %(name)s") % {"name": theme.name})
        for theme in themes
    ]
    return options


def latest_resources(locale, limit, *, before=None, option=""):
    """Live resources of `locale`, newest publication first, published by `before`, narrowed to
    the kind or theme `option` names (an unknown option narrows to nothing)."""
    resources = ResourcePage.objects.live().public().filter(locale=locale)
    if before is not None:
        resources = resources.filter(first_published_at__lte=before)
    if option.startswith(KIND):
        resources = resources.filter(kind=option.removeprefix(KIND))
    elif option.startswith(THEME):
        resources = resources.filter(
            themes__translation_key=option.removeprefix(THEME), themes__locale=locale
        ).distinct()
    elif option:
        return ResourcePage.objects.none()
    return resources.order_by("-first_published_at", "-date")[:limit]


def register():
    register_digest_source(
        "resources", _("Dernières ressources"), latest_resources, options=resource_options
    )
