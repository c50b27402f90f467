"""`{% newsletter_subscribe_form "footer" compact=True %}`: the subscribe form, for any template of
any app. The first argument prefixes the fields' ids, so that two forms can share a page."""

from django import template

from wagtail.models import Locale

from core.digest import digest_items

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
        "archive": None if isinstance(context.get("page"), NewsletterIndexPage) else archive(),
    }


def archive():
    """The archive of the issues in the visitor's language, else in the site's default one."""
    pages = NewsletterIndexPage.objects.live().public()
    return (
        pages.filter(locale=Locale.get_active()).first()
        or pages.filter(locale=Locale.get_default()).first()
    )


@register.simple_tag
def newsletter_archive():
    """`{% newsletter_archive as archive %}`: the archive page of the issues (or None)."""
    return archive()


@register.filter
def digest_summary(item):
    """The line under a digest item: its search description, else its intro or summary (the
    attribute each source's pages have)."""
    for name in ("search_description", "intro", "summary"):
        value = getattr(item, name, "")
        if value:
            return value
    return ""


@register.simple_tag
def latest_newsletter_issue():
    """`{% latest_newsletter_issue as issue %}`: the newest published issue of the visitor's
    archive (of the default language's when it has none), or None."""
    index = archive()
    if index is None:
        return None
    return index.issues().first()


@register.simple_tag
def latest_publications(source, count=3):
    """`{% latest_publications "resources" 3 as items %}`: the newest items of a digest source
    (newsletter/digest.py) in the visitor's language, for pages that show what is new."""
    return digest_items(source, Locale.get_active(), count)
