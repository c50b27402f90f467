"""What the apps declare to the page cache, in their `AppConfig.ready()`.

Safe by default: a Wagtail page is cached on its main route only (the page itself, or the `""` route
of a routable page); a route of a routable page with a form or personal data (a registration, an
alert, a token) stays uncached unless its app names it; a view outside Wagtail is cached only when its
URL name is registered here."""

from django.apps import apps

_routes: dict[str, set[str]] = {}
_views: set[str] = set()
_uncacheable_pages: set[str] = set()
_purge_models: set[str] = set()


def register_cacheable_routes(page_model: str, *route_names: str) -> None:
    """Cache these routes of a routable page type ("resources.ResourceHubPage", "rss_feed") for
    anonymous visitors, besides its main route. A route's name is its method's unless `name=` says
    otherwise."""
    _routes.setdefault(page_model.lower(), set()).update(route_names)


def register_cacheable_view(url_name: str) -> None:
    """Cache a view outside Wagtail's pages, by its URL name (namespace included: "newsletter:archive")."""
    _views.add(url_name)


def register_uncacheable_page(page_model: str) -> None:
    """Never cache the pages of this type (a page that shows the visitor's own data)."""
    _uncacheable_pages.add(page_model.lower())


def register_purge_models(*models: str) -> None:
    """Purge the cache when a row of these models ("app_label.ModelName") is saved or deleted: data
    that pages show and that is neither a page, a snippet nor a setting."""
    _purge_models.update(label.lower() for label in models)


def route_is_cacheable(page, route_name: str | None, route_pattern: str | None) -> bool:
    """Whether an anonymous visitor's view of `page` on this route may be cached."""
    label = page._meta.label_lower
    if label in _uncacheable_pages or getattr(page, "page_cache", True) is False:
        return False
    if route_name is None or route_pattern in ("", "^$"):
        return True
    return route_name in _routes.get(label, set())


def view_is_cacheable(view_name: str | None) -> bool:
    return view_name is not None and view_name in _views


def purge_model_classes() -> set[type]:
    """The registered models, resolved (an unknown label fails loudly, at the first save)."""
    return {apps.get_model(label) for label in _purge_models}
