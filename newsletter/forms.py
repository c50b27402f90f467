"""The public forms: subscribe, preferences; and the editors' CSV import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import EmailAddressField, HoneypotMixin

from .models import Audience

CONSENT_TEXT = _(
    "J'accepte de recevoir la lettre d'information de la Mission Interinstitutionnelle Clause "
    "Sociale 34 pour les publics cochés. Je peux me désinscrire à tout moment par le lien présent "
    "dans chaque lettre. Mon adresse n'est utilisée que pour cet envoi et n'est jamais cédée."
)


class AudienceChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def _check_values(self, value):
        # A value no primary key can hold (SQLite raises OverflowError past 2**63) is refused as
        # an unknown choice before it reaches the database.
        for pk in value if isinstance(value, (list, tuple)) else [value]:
            if not str(pk).isdigit() or int(pk) >= 2**63:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)

    def label_from_instance(self, obj):
        return obj.get_key_display()


class ProfileFields(forms.Form):
    name = forms.CharField(label=_("Nom (facultatif)"), max_length=150, required=False)
    organisation = forms.CharField(
        label=_("Structure (facultatif)"), max_length=200, required=False
    )
    territory = forms.CharField(
        label=_("Territoire (facultatif)"),
        max_length=150,
        required=False,
        help_text=_("Par exemple : Montpellier Méditerranée Métropole, Biterrois…"),
    )


class SubscribeForm(HoneypotMixin, ProfileFields):
    honeypot_message = _(
        "Votre inscription n'a pas été enregistrée : le champ « Site web », réservé à "
        "la détection des robots, doit rester vide."
    )

    email = EmailAddressField()
    audiences = AudienceChoiceField(
        label=_("Je souhaite recevoir l'actualité pour"),
        queryset=Audience.objects.all(),
        error_messages={"required": _("Choisissez au moins un public.")},
    )
    field_order = ["email", "audiences", "name", "organisation", "territory"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"


class PreferencesForm(ProfileFields):
    audiences = AudienceChoiceField(
        label=_("Je reçois l'actualité pour"),
        queryset=Audience.objects.all(),
        error_messages={
            "required": _(
                "Choisissez au moins un public, ou utilisez le bouton « Me désinscrire »."
            )
        },
    )
    field_order = ["audiences", "name", "organisation", "territory"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
