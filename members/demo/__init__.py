"""The demo network: three members (one per group of the network) with the demo password, a
collection of members-only documents with one document, and a members-only page in French and
English, a State contract and two meetings with buyers of the watch's demo. Idempotent: each is looked
up before being created."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from core import reference
from core.demo import DemoBuilder, demo_password, ensure_user
from core.factories import DocumentFactory, paragraph, pdf_bytes
from core.translation import translate_page

from ..accounts import set_role
from ..models import (
    ROLE_FACILITATOR,
    BuyerMeeting,
    Contract,
    ContractChange,
    ContractTerritory,
    HoursRecord,
    Member,
    MembersPage,
    network_group,
)
from .data import (
    COLLECTION,
    CONTRACT,
    DOCUMENT_LINES,
    DOCUMENT_TITLE,
    MEETINGS,
    MEMBERS,
    PAGE,
    PAGE_EN,
)

ROLE_LABELS = {
    "network": "Réseau des facilitateurs",
    "facilitator": "Facilitateurs",
    "coordination": "Coordination MICS 34",
}


def network_collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=COLLECTION)
    restriction = CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    ).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.set([network_group()])
    return collection


def ensure_document(collection, user):
    Document = get_document_model()
    document = Document.objects.filter(title=DOCUMENT_TITLE).first()
    if document is None:
        document = DocumentFactory(
            title=DOCUMENT_TITLE,
            collection=collection,
            file=ContentFile(
                pdf_bytes(DOCUMENT_TITLE, DOCUMENT_LINES), name="trame-heures-insertion.pdf"
            ),
            uploaded_by_user=user,
        )
    return document


def ensure_members_page(home, user):
    page = MembersPage.objects.child_of(home).filter(slug=PAGE["slug"]).first()
    if page is None:
        page = MembersPage(
            title=PAGE["title"],
            slug=PAGE["slug"],
            intro=PAGE["intro"],
            body=[paragraph(PAGE["body"])],
            locale=home.locale,
        )
        home.add_child(instance=page)
        page.save_revision(user=user).publish(user=user)
        page.refresh_from_db()
    return page


def ensure_members(password):
    """The three demo members; the facilitator covers the first EPCI of the directory."""
    facilitators = reference.structures(kinds=["facilitateur"])
    epcis = [item for item in reference.territories() if item.kind == reference.EPCI]
    accounts = []
    for username, email, first_name, last_name, role in MEMBERS:
        user = ensure_user(username, email, password, first_name=first_name, last_name=last_name)
        member, _created = Member.objects.get_or_create(user=user)
        if role == ROLE_FACILITATOR:
            member.structure_id = facilitators[0].id if facilitators else None
            member.territory_codes = [epcis[0].code] if epcis else []
        member.save()
        set_role(user, role)
        accounts.append((username, role))
    return accounts


def ensure_contract(facilitator, coordinator):
    """A State contract over the first two EPCI, the demo facilitator leading the first."""
    contract = Contract.objects.filter(title=CONTRACT["title"]).first()
    if contract is not None:
        return contract
    contract = Contract.objects.create(**CONTRACT)
    epcis = [item for item in reference.territories() if item.kind == reference.EPCI][:2]
    for index, epci in enumerate(epcis):
        territory = ContractTerritory.objects.create(
            contract=contract,
            territory_code=epci.code,
            facilitator=facilitator if index == 0 else None,
        )
        HoursRecord.objects.create(
            territory=territory, year=2026, targeted=1500 - 500 * index, achieved=620 - 200 * index
        )
    ContractChange.objects.create(contract=contract, user=coordinator, description="Marché créé.")
    return contract


def ensure_meetings(facilitator):
    """The demo facilitator's meetings with buyers, on the first territory of the facilitator."""
    today = timezone.localdate()
    codes = Member.objects.get(user=facilitator).territory_codes
    for item in MEETINGS:
        if BuyerMeeting.objects.filter(buyer=item["buyer"], topics=item["topics"]).exists():
            continue
        follow_up = item["follow_up_in_days"]
        meeting = BuyerMeeting.objects.create(
            buyer=item["buyer"],
            date=today - timedelta(days=item["days_ago"]),
            kind=item["kind"],
            territory_code=codes[0] if codes else "",
            topics=item["topics"],
            outcome=item["outcome"],
            follow_up_on=today + timedelta(days=follow_up) if follow_up is not None else None,
            follow_up_done=follow_up is None,
            created_by=facilitator,
        )
        meeting.participants.set([facilitator])


class MembersDemo(DemoBuilder):
    def prepare(self, demo):
        pass

    def build(self, demo):
        password = demo_password()
        with transaction.atomic():
            accounts = ensure_members(password)
            collection = network_collection()
            ensure_document(collection, demo.admin)
            page = ensure_members_page(demo.refs.pages["home"], demo.admin)
            users = {
                member.user.username: member.user
                for member in Member.objects.select_related("user").filter(
                    user__username__in=[username for username, *_rest in MEMBERS]
                )
            }
            ensure_contract(users["facilitatrice"], users["coordination"])
            ensure_meetings(users["facilitatrice"])
        with transaction.atomic():
            if translate_page(
                page,
                {
                    "title": PAGE_EN["title"],
                    "intro": PAGE_EN["intro"],
                    "body": [paragraph(PAGE_EN["body"])],
                },
                demo.en,
                demo.admin,
            ):
                demo.report["translated"].append(page.title)
        demo.report.setdefault("accounts", []).extend(
            f"Espace réseau ({ROLE_LABELS[role]}) : identifiant : {username}  "
            f"mot de passe : {password}"
            for username, role in accounts
        )
