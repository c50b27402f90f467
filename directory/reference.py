"""The directory's answer to core.reference: its territories and structures, for the apps that must
not import it (registered in DirectoryConfig.ready())."""

from core.cache import cached_per_generation
from core.reference import COMMUNE, EPCI, Structure, Territory

from .models import EPCI as EpciModel
from .models import Actor, Commune


def all_territories():
    """Every commune (by name), then every EPCI (by name), read once per page-cache generation: the
    watch, the network's space and the observatory each name hundreds of territories per page. A
    commune or an EPCI saved purges the generation (DirectoryConfig.ready)."""

    def read():
        found = [
            Territory(code=c.code, name=c.name, kind=COMMUNE, epci_code=c.epci_id or "")
            for c in Commune.objects.order_by("name").only("code", "name", "epci_id")
        ]
        found += [
            Territory(code=e.code, name=e.name, kind=EPCI)
            for e in EpciModel.objects.order_by("name").only("code", "name")
        ]
        return found

    return cached_per_generation("directory:territories", read)


class DirectoryReference:
    def territories(self, codes=None):
        found = all_territories()
        if codes is None:
            return list(found)
        codes = set(codes)
        return [territory for territory in found if territory.code in codes]

    def communes_of(self, code):
        found = all_territories()
        if any(t.code == code and t.kind == EPCI for t in found):
            return frozenset(t.code for t in found if t.kind == COMMUNE and t.epci_code == code)
        if any(t.code == code and t.kind == COMMUNE for t in found):
            return frozenset([code])
        return frozenset()

    def structures(self, ids=None, kinds=None):
        actors = Actor.objects.order_by("name").prefetch_related("communes", "epcis")
        if ids is not None:
            actors = actors.filter(pk__in=list(ids))
        if kinds is not None:
            actors = actors.filter(kind__in=list(kinds))
        return [
            Structure(
                id=actor.pk,
                name=actor.name,
                kind=actor.kind,
                kind_label=str(actor.get_kind_display()),
                territory_codes=frozenset(
                    [c.code for c in actor.communes.all()] + [e.code for e in actor.epcis.all()]
                ),
            )
            for actor in actors
        ]
