"""The registration form: only what the organisers need, the questions each event asks, consent to
the use of the data, and the newsletter offered (double opt-in, the newsletter's own consent)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.forms import EmailAddressField, HoneypotMixin
from core.kinds import OrganisationKind


def consent_text() -> str:
    """The wording the registrant agrees to (with the retention period in force)."""
    return _(
        "J'accepte que la Mission Interinstitutionnelle Clause Sociale 34 utilise ces informations "
        "pour gérer mon inscription et m'écrire au sujet de cet événement. Elles ne sont transmises "
        "à personne et sont effacées au plus tard %(months)s mois après l'événement ; je peux les "
        "effacer moi-même à tout moment par le lien du courriel de confirmation."
    ) % {"months": settings.EVENTS_REGISTRATION_RETENTION_MONTHS}


NEWSLETTER_CONSENT_TEXT = _(
    "J'accepte de recevoir la lettre d'information de la Mission Interinstitutionnelle Clause "
    "Sociale 34. Je peux me désinscrire à tout moment par le lien présent dans chaque lettre."
)


class RegistrationForm(HoneypotMixin, forms.Form):
    honeypot_message = _(
        "Votre inscription n'a pas été enregistrée : le champ « Site web », réservé à la "
        "détection des robots, doit rester vide."
    )

    name = forms.CharField(
        label=_("Nom et prénom"),
        max_length=150,
        error_messages={"required": _("Indiquez votre nom et votre prénom.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = EmailAddressField()
    organisation = forms.CharField(
        label=_("Structure (facultatif)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    organisation_kind = forms.ChoiceField(
        label=_("Type de structure (facultatif)"),
        choices=[("", _("— Choisir —"))] + list(OrganisationKind.choices),
        required=False,
        error_messages={"invalid_choice": _("Choisissez un type de structure dans la liste.")},
    )
    accessibility_needs = forms.CharField(
        label=_("Besoins d'accessibilité (facultatif)"),
        help_text=_("Accès en fauteuil roulant, interprétation en LSF, boucle magnétique…"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    diet = forms.CharField(
        label=_("Régime alimentaire (facultatif)"), max_length=200, required=False
    )
    consent = forms.BooleanField(
        error_messages={
            "required": _(
                "Cochez cette case pour que nous puissions enregistrer votre inscription."
            )
        },
    )
    newsletter = forms.BooleanField(label=NEWSLETTER_CONSENT_TEXT, required=False)

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["consent"].label = consent_text()
        if not event.ask_organisation:
            del self.fields["organisation"], self.fields["organisation_kind"]
        if not event.ask_accessibility:
            del self.fields["accessibility_needs"]
        if not event.ask_diet:
            del self.fields["diet"]

    def registration_data(self) -> dict:
        """The fields stored on the Registration."""
        names = (
            "name",
            "email",
            "organisation",
            "organisation_kind",
            "accessibility_needs",
            "diet",
        )
        return {name: self.cleaned_data[name] for name in names if name in self.cleaned_data}
