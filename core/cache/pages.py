"""What Wagtail asks the database at every request for a page, kept per generation
(core.cache.generation) for the page types that take `PerGenerationRoutingMixin`: the child a URL's
slug names (two queries a level: the page, then its specific row), the view restrictions above the
page (two queries), the page's translation in the visitor's language (one query for the locale,
one for the translation). A publish, a move, a deletion, a saved view restriction or locale forgets
them all with the cached pages (core.cache.signals).

The same answers as Wagtail's own methods: a page whose path goes through an alias, or a page not
saved yet (a preview), is left to them. Only a slug that names a child is kept: a visitor's made-up
addresses leave nothing in the cache (they cost the query each time, as a 404 did)."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http import Http404

from wagtail.models import Page, PageViewRestriction

from core.i18n import active_locale_id

from .generation import current_generation
from .objects import cached_per_generation


def _sections() -> dict:
    """The paths and depths of the pages with a view restriction, and the paths of the aliases."""

    def find():
        return {
            "restricted": list(
                PageViewRestriction.objects.values_list("page_id", "page__path", "page__depth")
            ),
            "aliases": list(
                Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
            ),
        }

    return cached_per_generation("page-sections", find)


def private_pages_q() -> Q:
    """The pages under a view restriction, as Wagtail's `PageQuerySet.private_q()` finds them,
    without its query: `queryset.exclude(private_pages_q())` is `queryset.public()`."""
    q = Q()
    for _page_id, path, depth in _sections()["restricted"]:
        q |= Q(path__startswith=path) & Q(depth__gte=depth)
    return q if q else Q(pk__in=[])


def is_public(page) -> bool:
    """Whether anonymous visitors may see `page` as far as view restrictions go (its own and its
    ancestors'), without a query; a page under an alias counts as restricted (Wagtail reads the
    alias's source for it)."""
    sections = _sections()
    path = page.path or ""
    if not path or page.alias_of_id or any(path.startswith(a) for a in sections["aliases"]):
        return False
    return not any(path.startswith(above) for _page_id, above, _depth in sections["restricted"])


class PerGenerationRoutingMixin:
    """For a page type: its children found by slug, its view restrictions and its translations read
    from the cache of the current generation. Before `Page` in the bases (after RoutablePageMixin)."""

    def route(self, request, path_components):
        if not path_components or not self.pk:
            return super().route(request, path_components)
        child_slug, remaining = path_components[0], path_components[1:]
        place = hashlib.md5(child_slug.encode(), usedforsecurity=False).hexdigest()
        key = f"object:{current_generation()}:route:{self.pk}:{place}"
        child = cache.get(key)
        if child is None:
            child = self.get_children().filter(slug=child_slug).specific().first()
            if child is None:
                raise Http404  # as Wagtail's own route
            child.locale  # noqa: B018  (kept with the page: the layout and the hub read it)
            cache.set(key, child, settings.PAGE_CACHE_TIMEOUT)
        # As Wagtail does: the child's parent is known, treebeard's get_parent() asks nothing.
        child._cached_parent_obj = self
        return child.route(request, remaining)

    def get_view_restrictions(self):
        sections = _sections()
        path = self.path
        if not self.pk or not path or self.alias_of_id:
            return super().get_view_restrictions()
        if any(path.startswith(alias) for alias in sections["aliases"]):
            return super().get_view_restrictions()
        ids = [
            page_id for page_id, above, _depth in sections["restricted"] if path.startswith(above)
        ]
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=ids)

    @property
    def localized(self):
        locale_id = active_locale_id()
        if not getattr(settings, "WAGTAIL_I18N_ENABLED", False) or locale_id == self.locale_id:
            return self
        if locale_id is None or not self.pk:
            return super().localized
        found = cached_per_generation(
            f"localized:{self.pk}:{locale_id}",
            lambda: self.get_translations().filter(locale_id=locale_id).live().specific().first(),
        )
        return found if found is not None else self
