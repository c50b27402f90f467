"""The watch's notices of one buyer, for the members' space (core.watch): a buyer's page there
lists the notices whose buyer has that name.

A name matches case and accents aside, and when the notice's buyer name only adds to it after a
space, a comma or a parenthesis ("Commune de Lunel" matches "Commune de Lunel - service des
marchés"), never inside a word nor across a hyphen ("Commune de Lunel" does not match "Commune de
Lunel-Viel", another commune)."""

import re

from wagtail.models import Locale

from core.text import fold
from core.watch import BuyerNotice

from .models.notices import Notice, NoticeState
from .models.pages import WatchPage

_SPACES = re.compile(r"\s+")


def _folded(name: str) -> str:
    return _SPACES.sub(" ", fold(name)).strip()


def _matches(candidate: str, wanted: str) -> bool:
    if candidate == wanted:
        return True
    return candidate.startswith(wanted) and candidate[len(wanted)] in " ,("


def notices_of_buyer(name: str, limit: int) -> list[BuyerNotice]:
    """The latest `limit` notices of the buyer named `name` (core.watch's provider)."""
    wanted = _folded(name)
    if not wanted:
        return []
    # The distinct buyer names are few (one per buyer of the département): compared here, with
    # the folding SQLite and PostgreSQL would not do alike.
    names = [
        buyer
        for buyer in Notice.objects.order_by().values_list("buyer_name", flat=True).distinct()
        if buyer and _matches(_folded(buyer), wanted)
    ]
    if not names:
        return []
    watches = WatchPage.objects.live()
    watch = watches.filter(locale=Locale.get_active()).first() or watches.first()
    if watch is None:
        return []
    notices = Notice.objects.filter(buyer_name__in=names).only(
        "idweb",
        "title",
        "buyer_name",
        "published_on",
        "deadline",
        "has_social_consideration",
        "state",
    )[:limit]
    return [
        BuyerNotice(
            title=notice.title,
            url=f"{watch.url}avis/{notice.idweb}/",
            buyer_name=notice.buyer_name,
            published_on=notice.published_on,
            deadline=notice.deadline,
            has_social_consideration=notice.has_social_consideration,
            cancelled=notice.state == NoticeState.CANCELLED,
        )
        for notice in notices
    ]
