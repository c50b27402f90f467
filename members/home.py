"""The members' home sections of this app (core.sections): the latest documents of the collections
restricted to the network, and the pages of the network's space."""

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Locale

from core.network import NETWORK

from .contracts import visible_contracts
from .meetings import open_follow_ups
from .models import ContractDocument, MembersPage

LATEST_DOCUMENTS = 5


def network_collections():
    """The collections restricted to the NETWORK group, and every collection under them."""
    restricted = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.filter(
            restriction_type=CollectionViewRestriction.GROUPS, groups__name=NETWORK
        ).values("collection_id")
    )
    found = Collection.objects.none()
    for collection in restricted:
        found = found | Collection.objects.descendant_of(collection, inclusive=True)
    return found


def network_documents():
    """The network's documents, without the contracts' (those are listed on their contract's page,
    for the members who see it)."""
    return (
        get_document_model()
        .objects.filter(collection__in=network_collections())
        .exclude(pk__in=ContractDocument.objects.values("document_id"))
        .order_by("-created_at", "-pk")
    )


def latest_documents(request, members_home):
    documents = list(network_documents()[:LATEST_DOCUMENTS])
    return {"documents": documents} if documents else None


def members_pages(request, members_home):
    pages = list(MembersPage.objects.live().filter(locale=Locale.get_active()).order_by("title"))
    return {"pages": pages} if pages else None


def followed_contracts(request, members_home):
    """The contracts of the member's territories, or those they are the lead facilitator of."""
    contracts = list(visible_contracts(request.user).order_by("-created_at")[:LATEST_DOCUMENTS])
    return {"contracts": contracts} if contracts else None


def follow_ups(request, members_home):
    """The member's open follow-ups of meetings with buyers, the next due first."""
    meetings = list(open_follow_ups(request.user)[:LATEST_DOCUMENTS])
    return {"meetings": meetings} if meetings else None
