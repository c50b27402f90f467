"""The actors' pages in sitemap.xml (they are routes of the directory page, not pages of their own),
and the directory's digest source for the newsletter."""

from dataclasses import dataclass

from django.contrib.sitemaps import Sitemap

from .models import Actor, DirectoryPage


def directory_pages(locale=None):
    pages = DirectoryPage.objects.live().public()
    return pages.filter(locale=locale) if locale is not None else pages


class ActorSitemap(Sitemap):
    """One entry per published actor and per language of the directory page."""

    def items(self):
        actors = list(Actor.objects.published().order_by("pk").only("slug", "updated_at"))
        return [(page, actor) for page in directory_pages().order_by("pk") for actor in actors]

    def location(self, item):
        page, actor = item
        return f"{page.url}{actor.slug}/"

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


def latest_verified_actors(locale, limit, *, before=None, option=""):
    """The most recently verified published actors, as digest entries of the directory page in
    `locale` (none when the directory has no page in that language); an issue lists those verified
    by its own date (`before`)."""
    page = directory_pages(locale).first()
    if page is None:
        return []
    actors = (
        Actor.objects.published()
        .filter(verified_on__isnull=False)
        .filter(**({"verified_on__lte": before.date()} if before is not None else {}))
        .order_by("-verified_on", "-pk")[:limit]
    )
    return [
        DigestEntry(
            title=actor.name,
            url=f"{page.url}{actor.slug}/",
            full_url=f"{page.full_url}{actor.slug}/",
            intro=actor.localized_description[:300],
            last_published_at=actor.updated_at,
        )
        for actor in actors
    ]
