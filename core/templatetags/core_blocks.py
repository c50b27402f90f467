"""Template filters of the content blocks' templates (`core/blocks/`)."""

from urllib.parse import urlparse

from django import template

register = template.Library()


@register.filter
def video_provider(embed_url):
    host = (urlparse(embed_url or "").hostname or "").lower()
    if "youtube" in host:
        return "YouTube"
    if "vimeo" in host:
        return "Vimeo"
    if "dailymotion" in host:
        return "Dailymotion"
    return host
