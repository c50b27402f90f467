"""The observatory's computed figures kept in the default cache: the dashboard's tables and charts
for a selection, a download's table, a year's PDF report. Over tens of thousands of operations each
takes several grouped scans (hundreds of milliseconds, seconds for the PDF); the figures change only
when an operation does.

Keys carry the site's cache generation (core.cache, shared by every worker): a saved or deleted
operation purges it through `register_purge_models("observatory.Operation")` (ObservatoryConfig), and
the writes that send no signal (the campaigns' status `update()`, the import's `bulk_create`) call
`figures_changed()`. The page cache's cached copies of the observatory page go with it. Entries also
expire after OBSERVATORY_FIGURES_CACHE_SECONDS (one hour by default): the other apps' indicators,
shown in the report, are not followed by the purge."""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from core.cache.generation import current_generation
from core.cache.signals import purge_on_commit

DEFAULT_SECONDS = 3600


def cached(name: str, selection: str, compute):
    """`compute()`'s value for `name` under `selection` (a normalised query string), computed once
    per generation and language."""
    key = f"observatory:{current_generation()}:{get_language()}:{name}:{selection}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(
            key, found, getattr(settings, "OBSERVATORY_FIGURES_CACHE_SECONDS", DEFAULT_SECONDS)
        )
    return found


def figures_changed() -> None:
    """Forget the cached figures (and cached pages) after a write that sends no signal."""
    purge_on_commit()
