"""The documents of the register's contracts: Wagtail documents kept in one collection restricted
to the NETWORK group ("Documents des marchés du réseau", created on first use), attached to a
contract, listed on its page and served through the space to those who may see the contract."""

import os

from django import forms
from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from core.network import NETWORK

from .contracts import log_change
from .models import ContractDocument, network_group

COLLECTION_NAME = "Documents des marchés du réseau"
MAX_DOCUMENT_SIZE = 20 * 1024 * 1024


def contracts_collection() -> Collection:
    """The collection of the contracts' documents, restricted to the network (created once)."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(instance=Collection(name=COLLECTION_NAME))
    restricted = CollectionViewRestriction.objects.filter(
        collection=collection,
        restriction_type=CollectionViewRestriction.GROUPS,
        groups__name=NETWORK,
    ).exists()
    if not restricted:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set([network_group()])
    return collection


def allowed_extensions():
    return [ext.lower() for ext in getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or []]


class ContractDocumentForm(forms.Form):
    title = forms.CharField(
        label=_("Titre du document"),
        max_length=255,
        error_messages={"required": _("Indiquez le titre du document.")},
    )
    file = forms.FileField(
        label=_("Fichier"),
        error_messages={
            "required": _("Choisissez le fichier à joindre."),
            "empty": _("Ce fichier est vide."),
            "invalid": _("Ce fichier n'a pas pu être lu : choisissez-le à nouveau."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        extensions = allowed_extensions()
        if extensions:
            self.fields["file"].help_text = gettext(
                "Formats acceptés : %(formats)s ; %(size)s au plus."
            ) % {"formats": ", ".join(extensions), "size": filesizeformat(MAX_DOCUMENT_SIZE)}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = os.path.splitext(upload.name)[1].lstrip(".").lower()
        extensions = allowed_extensions()
        if extensions and extension not in extensions:
            raise forms.ValidationError(
                _("Ce format de fichier n'est pas accepté. Formats acceptés : %(formats)s."),
                params={"formats": ", ".join(extensions)},
            )
        if upload.size > MAX_DOCUMENT_SIZE:
            raise forms.ValidationError(
                _("Ce fichier pèse %(size)s : %(limit)s au plus."),
                params={
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(MAX_DOCUMENT_SIZE),
                },
            )
        return upload

    @transaction.atomic
    def save_for(self, contract, user):
        document = get_document_model().objects.create(
            title=self.cleaned_data["title"],
            file=self.cleaned_data["file"],
            collection=contracts_collection(),
            uploaded_by_user=user,
        )
        attached = ContractDocument.objects.create(
            contract=contract, document=document, added_by=user
        )
        log_change(
            contract,
            user,
            gettext("Document ajouté : %(title)s.") % {"title": document.title},
        )
        return attached
