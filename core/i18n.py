"""Translations of pages in the visitor's language, with the locale looked up once rather than at every
link (Wagtail's `page.localized` asks the database for the active locale each time)."""

from django.core.cache import cache
from django.utils.translation import get_language, get_supported_language_variant

from wagtail.models import Locale


def active_locale_id():
    """The id of the Locale of the active language, or None when it has none."""
    try:
        code = get_supported_language_variant(get_language())
    except LookupError:
        return None
    key = f"home:locale-id:{code}"
    locale_id = cache.get(key)
    if locale_id is None:
        locale_id = Locale.objects.filter(language_code=code).values_list("pk", flat=True).first()
        if locale_id is None:
            return None
        cache.set(key, locale_id, 3600)
    return locale_id


def localized(page):
    """The live translation of `page` in the active language, or `page` itself (like Wagtail's
    `page.localized`)."""
    locale_id = active_locale_id()
    if page is None or locale_id is None or page.locale_id == locale_id:
        return page
    return page.get_translations().filter(locale_id=locale_id).live().first() or page
