"""The buyers of the register and of the meetings log: chosen from the directory's public buyers
(core.reference, actors of kind "acheteur"), or written when the buyer is not there. A form with a
`buyer` model field gets the `buyer_choice` field and the check that one of the two is given."""

from django import forms
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core import reference
from core.kinds import ActorKind


def public_buyers():
    """The public buyers of the directory, by name."""
    return reference.structures(kinds=[ActorKind.BUYER])


def public_buyer(pk):
    found = [item for item in reference.structures(ids=[pk]) if item.kind == ActorKind.BUYER]
    return found[0] if found else None


class BuyerChoiceMixin:
    """For a ModelForm whose model has `buyer` (a name) and `buyer_structure_id`: declare
    `buyer_choice = buyer_choice_field()`, call `setup_buyer()` in __init__ and
    `clean_buyer_pair(cleaned)` in clean()."""

    def setup_buyer(self):
        self.buyers = {item.id: item for item in public_buyers()}
        self.fields["buyer"].required = False
        self.fields["buyer"].label = _("Autre acheteur")
        self.fields["buyer"].help_text = _("Son nom, s'il n'est pas dans l'annuaire.")
        self.fields["buyer_choice"].choices = [("", _("— Pas dans l'annuaire —"))] + [
            (str(item.id), item.name) for item in self.buyers.values()
        ]
        if self.instance.pk and self.instance.buyer_structure_id in self.buyers:
            self.fields["buyer_choice"].initial = str(self.instance.buyer_structure_id)
            self.initial["buyer"] = ""

    def clean_buyer_pair(self, cleaned):
        chosen = cleaned.get("buyer_choice")
        if chosen:
            buyer = self.buyers[int(chosen)]
            self.instance.buyer_structure_id = buyer.id
            self.instance.buyer = cleaned["buyer"] = buyer.name
        elif (cleaned.get("buyer") or "").strip():
            cleaned["buyer"] = cleaned["buyer"].strip()
            self.instance.buyer_structure_id = None
        elif "buyer" not in self.errors:
            self.add_error("buyer", _("Choisissez l'acheteur dans l'annuaire ou écrivez son nom."))


def buyer_choice_field():
    return forms.ChoiceField(
        label=_("Acheteur de l'annuaire"),
        required=False,
        error_messages={"invalid_choice": _("Cet acheteur n'est pas dans l'annuaire.")},
    )


def buyer_url(structure_id, name):
    """The buyer's page in the space: by directory id, else by the name written."""
    if structure_id:
        return reverse("members:buyer", kwargs={"pk": structure_id})
    return f"{reverse('members:buyer_by_name')}?{urlencode({'nom': name})}"
