"""The directory's answer to core.reference: its territories and structures, for the apps that must
not import it (registered in DirectoryConfig.ready())."""

from core.reference import COMMUNE, EPCI, Structure, Territory

from .models import EPCI as EpciModel
from .models import Actor, Commune


class DirectoryReference:
    def territories(self, codes=None):
        communes = Commune.objects.order_by("name")
        epcis = EpciModel.objects.order_by("name")
        if codes is not None:
            codes = list(codes)
            communes = communes.filter(code__in=codes)
            epcis = epcis.filter(code__in=codes)
        found = [
            Territory(code=c.code, name=c.name, kind=COMMUNE, epci_code=c.epci_id or "")
            for c in communes.only("code", "name", "epci_id")
        ]
        found += [
            Territory(code=e.code, name=e.name, kind=EPCI) for e in epcis.only("code", "name")
        ]
        return found

    def communes_of(self, code):
        if EpciModel.objects.filter(code=code).exists():
            return frozenset(Commune.objects.filter(epci_id=code).values_list("code", flat=True))
        return frozenset([code]) if Commune.objects.filter(code=code).exists() else frozenset()

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
