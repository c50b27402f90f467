"""The procurement watch's notices of one buyer, for the apps that must not import tenders/ (the
members' space shows them on a buyer's page).

tenders/ registers the provider in its `AppConfig.ready()` (`register_buyer_notices_provider`).
With none (tenders/ not installed), a buyer has no notice.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class BuyerNotice:
    title: str
    url: str  # the notice's page in the watch
    buyer_name: str
    published_on: datetime.date
    deadline: datetime.datetime | None
    has_social_consideration: bool
    cancelled: bool


_provider: Callable[[str, int], list[BuyerNotice]] | None = None


def register_buyer_notices_provider(fn: Callable[[str, int], list[BuyerNotice]]) -> None:
    """`fn(name, limit)` gives the latest `limit` notices whose buyer is named `name`, latest
    first."""
    global _provider
    _provider = fn


def buyer_notices(name: str, limit: int = 20) -> list[BuyerNotice]:
    """The watch's latest notices of the buyer named `name` (case and accents aside), latest first."""
    if not _provider or not name.strip():
        return []
    return _provider(name.strip(), limit)
