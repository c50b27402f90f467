"""The admin form of an operation: the facilitator and the territory chosen among the directory's
(a facilitator: only their structure and their territories), and the states a person may set."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from core import reference

from . import access
from .models.choices import Status
from .models.operations import FACILITATOR_KIND


class OperationForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        user = for_user
        ids = access.own_facilitator_ids(user)
        facilitators = [
            s for s in reference.structures(kinds=[FACILITATOR_KIND]) if ids is None or s.id in ids
        ]
        self.fields["facilitator_id"] = forms.TypedChoiceField(
            label=_("Facilitateur"),
            coerce=int,
            choices=[("", "—")] + [(s.id, s.name) for s in facilitators],
        )
        codes = access.covered_codes(user)
        territories = [t for t in reference.territories() if codes is None or t.code in codes]
        self.fields["territory_code"] = forms.ChoiceField(
            label=_("Territoire"),
            choices=[("", "—")] + [(t.code, f"{t.name} ({t.code})") for t in territories],
            help_text=_("Commune ou intercommunalité de l'opération."),
        )
        if "status" in self.fields and not access.can_approve(user):
            self.fields["status"].choices = [
                (value, label) for value, label in Status.choices if value != Status.APPROVED
            ]
