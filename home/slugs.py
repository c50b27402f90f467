"""New pages get ASCII slugs: "acces-aux-marches", not "accès-aux-marchés", which URLs, emails
and permanent addresses carry as %C3%A8. The admin's slug field already writes ASCII from the
title (WAGTAIL_ALLOW_UNICODE_SLUGS = False); this catches a slug typed with accents, or made by
code, when the page is first saved. Existing pages keep theirs, so that no address changes."""

from django.db.models.signals import pre_save
from django.utils.text import slugify

from wagtail.models import Page


def ascii_slug(page):
    """The page's slug in ASCII, made unique among its siblings with -2, -3..."""
    base = slugify(page.slug, allow_unicode=False) or "page"
    parent = page.get_parent() if page.path else None
    siblings = (
        parent.get_children().exclude(pk=page.pk) if parent is not None else Page.objects.none()
    )
    slug, number = base, 1
    while siblings.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def make_new_slugs_ascii(sender, instance, **kwargs):
    if (
        isinstance(instance, Page)
        and instance._state.adding
        and instance.slug
        and not instance.slug.isascii()
    ):
        instance.slug = ascii_slug(instance)
        # Page.save() has already written url_path from the accented slug (this signal runs
        # after it): without this, page.url would still read /%C3%A9ch%C3%A9ance/.
        instance.set_url_path(instance.get_parent() if instance.depth > 1 else None)


def connect_signals():
    # Every page type, including those of apps loaded later: the check is on the instance.
    pre_save.connect(make_new_slugs_ascii, dispatch_uid="home-ascii-slugs")
