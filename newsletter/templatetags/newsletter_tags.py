"""`{% newsletter_subscribe_form "footer" compact=True %}`: the subscribe form, for any template of
any app. The first argument prefixes the fields' ids, so that two forms can share a page."""

from django import template

from ..forms import CONSENT_TEXT, SubscribeForm

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
    }


@register.filter
def digest_summary(item):
    """The line under a digest item: its search description, else its intro or summary (the
    attribute each source's pages have)."""
    for name in ("search_description", "intro", "summary"):
        value = getattr(item, name, "")
        if value:
            return value
    return ""
