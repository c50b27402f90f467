"""The observatory's figures that other apps compute, without the observatory importing them.

An app that holds data the observatory shows registers a source in its `AppConfig.ready()`:

    register_indicator_source(
        "tenders.social-considerations",
        _("Marchés notifiés avec une considération sociale"),
        social_consideration_shares,
    )

`fn(year=None)` returns a list of rows, each a dict of plain values (numbers, strings, None) that the
observatory can show as a table or a chart; `year` restricts the rows to one year, None gives every
year. Each source documents its rows' keys where it is defined.
"""

from collections.abc import Callable
from dataclasses import dataclass

_SOURCES: dict[str, "IndicatorSource"] = {}


@dataclass(frozen=True)
class IndicatorSource:
    key: str
    label: str
    rows: Callable[..., list[dict]]  # rows(year: int | None = None) -> list[dict]


def register_indicator_source(key: str, label: str, fn: Callable[..., list[dict]]) -> None:
    """Offer `fn(year=None) -> list[dict]` to the observatory under `key` (registering a key again
    replaces its source); `label` names it for people."""
    _SOURCES[key] = IndicatorSource(key, label, fn)


def indicator_sources() -> list[IndicatorSource]:
    """The registered sources, by key."""
    return sorted(_SOURCES.values(), key=lambda source: source.key)


def indicator_source(key: str) -> IndicatorSource | None:
    """The source registered under `key`, or None."""
    return _SOURCES.get(key)
