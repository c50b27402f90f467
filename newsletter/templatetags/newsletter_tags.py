"""`{% newsletter_subscribe_form "footer" compact=True %}`: the subscribe form, for any template of
any app. The first argument prefixes the fields' ids, so that two forms can share a page."""

from django import template
from django.conf import settings
from django.utils import translation

from wagtail.models import Locale

from core.cache import cached_per_generation
from core.digest import digest_items
from core.i18n import active_locale_id

from ..forms import CONSENT_TEXT, SubscribeForm
from ..models import NewsletterIndexPage

register = template.Library()


@register.inclusion_tag("newsletter/includes/subscribe_form.html", takes_context=True)
def newsletter_subscribe_form(context, prefix="newsletter", compact=False):
    return {
        "form": SubscribeForm(auto_id=f"{prefix}-%s"),
        "prefix": prefix,
        "compact": compact,
        "consent_text": CONSENT_TEXT,
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
        "archive": None
        if isinstance(context.get("page"), NewsletterIndexPage)
        else archive(context),
    }


def archive(context=None):
    """The archive of the issues in the visitor's language, else in the site's default one; looked
    up once per request (the home page asks for it three times)."""
    request = context.get("request") if context is not None else None
    if request is not None and hasattr(request, "_newsletter_archive"):
        return request._newsletter_archive
    locale_id = active_locale_id()

    def find():
        pages = NewsletterIndexPage.objects.live().public()
        return (
            pages.filter(locale_id=locale_id).first()
            or pages.filter(locale=Locale.get_default()).first()
        )

    # Forgotten at the next publish (core.cache.objects).
    found = cached_per_generation(f"newsletter-archive:{locale_id}", find)
    if request is not None:
        request._newsletter_archive = found
    return found


@register.simple_tag(takes_context=True)
def newsletter_archive(context):
    """`{% newsletter_archive as archive %}`: the archive page of the issues (or None)."""
    return archive(context)


@register.filter
def digest_summary(item):
    """The line under a digest item: its search description, else its intro or summary (the
    attribute each source's pages have)."""
    for name in ("search_description", "intro", "summary"):
        value = getattr(item, name, "")
        if value:
            return value
    return ""


@register.simple_tag(takes_context=True)
def latest_newsletter_issue(context):
    """`{% latest_newsletter_issue as issue %}`: the newest published issue of the visitor's
    archive (of the default language's when it has none), or None."""
    index = archive(context)
    if index is None:
        return None
    return cached_per_generation(f"latest-issue:{index.pk}", lambda: index.issues().first())


@register.simple_tag
def latest_publications(source, count=3):
    """`{% latest_publications "resources" 3 as items %}`: the newest items of a digest source
    (newsletter/digest.py) in the visitor's language, for pages that show what is new."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return cached_per_generation(  # forgotten at the next publish (core.cache.objects)
        f"latest-publications:{source}:{language}:{count}",
        lambda: digest_items(source, Locale.get_active(), count),
    )
