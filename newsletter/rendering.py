"""A newsletter issue as an email: table-based HTML with inline styles (Outlook's Word engine and
Gmail both drop <style> rules and most CSS layout) and a plain-text part, rendered ONCE per send.

The per-recipient parts (greeting, preferences and unsubscribe links) are merge-field placeholders
in the provider's own syntax (`merge_field`); the provider fills them in from `merge_data`, or, for
backends without a batch API (SMTP, console), `substitute` fills them in by plain string
replacement. Nothing is rendered per recipient."""

import html
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.digest import issue_date

MERGE_FIELDS = ("salutation", "preferences_url", "unsubscribe_url")
# How each provider writes a merge field in the message body (anymail passes the body as is).
MERGE_FIELD_FORMATS = {
    "brevo": "{{ params.%s }}",
    "mailjet": "[[var:%s]]",
    "postmark": "{{%s}}",
    "sendgrid": "-%s-",
    "mailgun": "%%recipient.%s%%",
}
DEFAULT_MERGE_FIELD_FORMAT = "{{%s}}"
URL_ATTRIBUTE = re.compile(r'(href|src)="(/[^"]*)"')


@dataclass
class RenderedCampaign:
    subject: str
    html: str
    text: str


def merge_field(name):
    fmt = getattr(settings, "NEWSLETTER_MERGE_FIELD_FORMAT", None) or MERGE_FIELD_FORMATS.get(
        settings.EMAIL_PROVIDER, DEFAULT_MERGE_FIELD_FORMAT
    )
    return fmt % name


def placeholders():
    return {name: mark_safe(merge_field(name)) for name in MERGE_FIELDS}  # noqa: S308


def substitute(template, values):
    """Fill the placeholders in for one recipient (backends without a batch API)."""
    for name in MERGE_FIELDS:
        template = template.replace(merge_field(name), values.get(name, ""))
    return template


def salutation(name):
    """'Bonjour Camille,' — the name stripped of anything that could be markup."""
    clean = re.sub(r"[<>&\"'{}\[\]%]", "", name or "").strip()[:80]
    return _("Bonjour %(name)s,") % {"name": clean} if clean else _("Bonjour,")


def email_preview_policy():
    """The Content Security Policy of the admin's email preview: the email as a mail client shows
    it (inline styles, images from the site), sandboxed (no script, an opaque origin), and links
    opened in a new tab outside the sandbox."""
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    origin = f"{base.scheme}://{base.netloc}" if base.scheme and base.netloc else ""
    images = " ".join(part for part in ("'self'", origin, "data:") if part)
    return (
        "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; "
        f"style-src 'unsafe-inline'; img-src {images}; frame-ancestors 'self'; "
        "base-uri 'none'; form-action 'none'"
    )


def absolutise(markup):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/"
    return URL_ATTRIBUTE.sub(lambda m: f'{m.group(1)}="{urljoin(base, m.group(2))}"', markup)


def email_blocks(page, kind):
    """Each block of the body rendered by its email template (`kind` is "html" or "txt")."""
    parts = []
    for block in page.body:
        context = {"value": block.value, "page": page}
        if block.block_type == "digest":
            context["items"] = block.block.items(block.value, page.locale, issue_date(page))
        parts.append(
            render_to_string(f"newsletter/email/blocks/{block.block_type}.{kind}", context)
        )
    return parts


def render_campaign(page, preview=False):
    """Render an issue once, with merge-field placeholders for the per-recipient parts (or sample
    values in the admin's preview)."""
    with translation.override(page.locale.language_code):
        context = {
            "page": page,
            "merge": placeholders(),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "web_url": page.full_url,
            "archive_url": page.get_parent().full_url,
            "blocks_html": mark_safe("".join(email_blocks(page, "html"))),  # noqa: S308
            "blocks_text": "\n\n".join(p.strip() for p in email_blocks(page, "txt") if p.strip()),
        }
        html_body = absolutise(render_to_string("newsletter/email/campaign.html", context))
        text_body = render_to_string("newsletter/email/campaign.txt", context)
    text_body = re.sub(r"\n{3,}", "\n\n", html.unescape(strip_tags(text_body))).strip() + "\n"
    if preview:
        sample = {"salutation": salutation(""), "preferences_url": "#", "unsubscribe_url": "#"}
        html_body, text_body = substitute(html_body, sample), substitute(text_body, sample)
    return RenderedCampaign(subject=page.title, html=html_body, text=text_body)
