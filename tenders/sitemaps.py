"""The notices' pages in sitemap.xml (routes of the watch page, not pages of their own), and the
watch's digest source for the newsletter: the latest open notices with a social consideration."""

from dataclasses import dataclass

from django.contrib.sitemaps import Sitemap
from django.utils import timezone

from .models import Notice, NoticeState, WatchPage

SITEMAP_LIMIT = 5000


def watch_pages(locale=None):
    pages = WatchPage.objects.live().public()
    return pages.filter(locale=locale) if locale is not None else pages


class NoticeSitemap(Sitemap):
    """One entry per notice and per language of the watch page (the newest 5,000)."""

    def items(self):
        notices = list(
            Notice.objects.order_by("-published_on", "-pk").only("idweb", "updated_at")[
                :SITEMAP_LIMIT
            ]
        )
        return [(page, notice) for page in watch_pages().order_by("pk") for notice in notices]

    def location(self, item):
        page, notice = item
        return f"{page.url}avis/{notice.idweb}/"

    def lastmod(self, item):
        return item[1].updated_at


@dataclass
class DigestEntry:
    """What the newsletter's digest block reads of an item (a page has the same attributes)."""

    title: str
    url: str
    full_url: str
    intro: str
    last_published_at: object
    first_published_at: object


def latest_social_notices(locale, limit, *, before=None, option=""):
    """The latest notices with a social consideration still open at `before`, published by then,
    as digest entries of the watch page in `locale` (none without a page in that language)."""
    page = watch_pages(locale).first()
    if page is None:
        return []
    before = before or timezone.now()
    notices = (
        Notice.objects.filter(
            has_social_consideration=True,
            published_on__lte=before.date(),
            deadline__gte=before,
        )
        .exclude(state=NoticeState.CANCELLED)
        .order_by("-published_on", "-pk")[:limit]
    )
    entries = []
    for notice in notices:
        reasons = "; ".join(reason["label"] for reason in notice.reasons)
        entries.append(
            DigestEntry(
                title=notice.title[:200],
                url=f"{page.url}avis/{notice.idweb}/",
                full_url=f"{page.full_url}avis/{notice.idweb}/",
                intro=f"{notice.buyer_name} — {reasons}"[:300],
                last_published_at=notice.updated_at,
                first_published_at=notice.imported_at,
            )
        )
    return entries
