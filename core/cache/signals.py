"""What purges the page cache: every change to what a page shows (core.cache.generation).

Connected once by CoreConfig.ready(). The purge waits for the transaction's commit: a visitor whose
request starts after it sees the new content, and one that rendered the old content meanwhile stored
it under the old generation, which no request asks for any more. Changes made without signals
(`QuerySet.update`, `bulk_create`) purge nothing: PAGE_CACHE_TIMEOUT bounds how long they wait.

When WAGTAILFRONTENDCACHE names a reverse proxy or a CDN, Wagtail's own handlers purge the published
page's URLs there (wagtail.contrib.frontend_cache); a change to a snippet or a setting, shown on
every page, purges every live page's URLs there too."""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from .generation import purge
from .registry import purge_model_classes

logger = logging.getLogger(__name__)


def purge_on_commit(proxy_too: bool = False) -> None:
    """Purge now and once the current transaction commits (a render between the two may have stored
    the old content under the new generation)."""
    logger.debug("Purge du cache des pages")
    purge()
    transaction.on_commit(purge)
    if proxy_too and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        transaction.on_commit(_purge_proxy)


def _purge_proxy() -> None:
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    try:
        purge_pages_from_cache(Page.objects.live().specific(defer=True))
    except Exception:  # the proxy being down must not fail the editor's save
        logger.exception("Purge du cache du mandataire inverse impossible")


def _shown_models() -> tuple[type, ...]:
    return tuple(
        {
            *get_snippet_models(),
            get_image_model(),
            get_document_model(),
            Site,
            Locale,
            # A section made private: its pages must leave the cache (core.cache.pages too).
            PageViewRestriction,
            *purge_model_classes(),
        }
    )


def _on_page_change(sender, instance=None, **kwargs) -> None:
    purge_on_commit()


# What Wagtail writes back while a page renders (an image's or a document's size and hash, computed
# on their first use): no visitor sees a difference, and a purge would undo the render being stored.
BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})


def _on_save_or_delete(sender, instance, **kwargs) -> None:
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    if isinstance(instance, Page):
        # A draft saved on a page that is not live changes nothing visitors see.
        if instance.live or kwargs.get("signal") is post_delete:
            purge_on_commit()
    elif isinstance(instance, BaseSiteSetting | BaseGenericSetting):
        # A setting's row is created with its defaults by its first reader, during a page's render:
        # what pages show does not change.
        if not kwargs.get("created"):
            purge_on_commit(proxy_too=True)
    elif isinstance(instance, _shown_models()):
        purge_on_commit(proxy_too=True)


def connect_purge() -> None:
    """Connect the purge to Wagtail's and Django's signals."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_on_page_change, dispatch_uid=f"page-cache-{id(signal)}")
    post_save.connect(_on_save_or_delete, dispatch_uid="page-cache-save")
    post_delete.connect(_on_save_or_delete, dispatch_uid="page-cache-delete")
