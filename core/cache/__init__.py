"""The full-page cache for anonymous visitors, and its purge on publish (README, "Page cache").

- `middleware.PageCacheMiddleware` serves a page an anonymous visitor already asked for from Django's
  cache framework (alias `PAGE_CACHE_ALIAS`: local memory per worker by default, Redis or Valkey with
  `CACHE_URL`), without Wagtail's routing or the database. The CSRF tokens and the CSP nonce of the
  stored page are replaced by fresh ones for each visitor.
- `generation`: one version number for the whole site. Every key carries it; a publish bumps it, and
  every cached page is gone at once (`purge`). It lives in `PAGE_CACHE_GENERATION_ALIAS`, which every
  worker shares (a file cache by default, Redis with `CACHE_URL`).
- `signals.connect_purge()` (CoreConfig.ready) bumps it on what pages show: publish, unpublish, move and
  delete of a page, the save or delete of a live page, a snippet, a site setting, an image, a document,
  a site, and of the models apps register.
- `objects.cached_per_generation`: what the layout of every page reads (the site, the home page,
  the contact settings, the breadcrumbs, the home page's sections), kept in the default cache under
  the generation, so that the same purge forgets it; the middleware gives Wagtail the request's site
  from it (`objects.remember_site`).
- `fragments.cached_fragment` (`{% cached_fragment %}`, core_cache): parts of a page the same for
  every visitor (the menus, the footer, a page's body), rendered once per generation for the requests
  the page cache does not serve (a query string, a logged-in editor), their CSRF tokens as holes.
- `pages.PerGenerationRoutingMixin`: for a page type, the child a slug names, its view restrictions
  and its translations read from the generation's objects rather than asked at every request.
- `registry`: what apps declare. A Wagtail page is cached on its main route; other routes of a
  routable page only if its app names them (`register_cacheable_routes`); a non-page view only if its
  URL name is registered (`register_cacheable_view`); `register_purge_models` for the models, other
  than snippets and settings, that pages show.
"""

from .generation import current_generation, purge
from .objects import cached_per_generation
from .registry import (
    register_cacheable_routes,
    register_cacheable_view,
    register_purge_models,
    register_uncacheable_page,
)

__all__ = [
    "cached_per_generation",
    "current_generation",
    "purge",
    "register_cacheable_routes",
    "register_cacheable_view",
    "register_purge_models",
    "register_uncacheable_page",
]
