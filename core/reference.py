"""The directory's reference data, for the apps that must not import directory/: the territories of
the Hérault (communes by INSEE code, EPCI by SIREN) and the structures of the directory.

The directory registers the provider in its `AppConfig.ready()` (`register_reference_provider`);
the members' space, the observatory and the procurement watch read it here. With no provider
(directory/ not installed) there is no territory and no structure: lists are empty and lookups
answer None.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

COMMUNE = "commune"
EPCI = "epci"


@dataclass(frozen=True)
class Territory:
    code: str  # a commune's INSEE code (5 characters) or an EPCI's SIREN (9 digits)
    name: str
    kind: str  # COMMUNE or EPCI
    epci_code: str = ""  # for a commune, the EPCI it belongs to


@dataclass(frozen=True)
class Structure:
    id: int
    name: str
    kind: str  # the directory's kind of actor ("facilitateur", "ei", "acheteur"...)
    kind_label: str
    territory_codes: frozenset[str] = frozenset()  # what it serves (empty: the whole département)


class ReferenceProvider(Protocol):
    def territories(self, codes: Iterable[str] | None = None) -> list[Territory]:
        """Every territory (communes then EPCI, by name), or those of `codes`."""

    def communes_of(self, code: str) -> frozenset[str]:
        """The INSEE codes a territory takes in: an EPCI's communes, a commune itself."""

    def structures(
        self, ids: Iterable[int] | None = None, kinds: Iterable[str] | None = None
    ) -> list[Structure]:
        """The structures of the directory (published or not), by name; filtered by ids or kinds."""


_provider: ReferenceProvider | None = None


def register_reference_provider(provider: ReferenceProvider) -> None:
    global _provider
    _provider = provider


def territories(codes: Iterable[str] | None = None) -> list[Territory]:
    return _provider.territories(codes) if _provider else []


def territory(code: str) -> Territory | None:
    found = territories([code])
    return found[0] if found else None


def communes_of(code: str) -> frozenset[str]:
    return _provider.communes_of(code) if _provider else frozenset()


def structures(ids: Iterable[int] | None = None, kinds: Iterable[str] | None = None):
    return _provider.structures(ids, kinds) if _provider else []


def structure(pk: int) -> Structure | None:
    found = structures(ids=[pk])
    return found[0] if found else None
