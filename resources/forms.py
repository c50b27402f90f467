"""The search-alert subscription form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import HoneypotMixin

from .models import AlertFrequency

ALERT_CONSENT_TEXT = _(
    "J'accepte de recevoir par courriel les nouvelles ressources qui correspondent à cette "
    "recherche, à la fréquence choisie. Je peux me désinscrire à tout moment par le lien présent "
    "dans chaque courriel. Mon adresse n'est utilisée que pour cet envoi et n'est jamais cédée."
)


class SearchAlertForm(HoneypotMixin, forms.Form):
    honeypot_message = _(
        "Votre alerte n'a pas été enregistrée : le champ « Site web », réservé à la "
        "détection des robots, doit rester vide."
    )

    email = forms.EmailField(
        label=_("Adresse électronique"),
        max_length=254,
        error_messages={
            "required": _("Indiquez votre adresse électronique."),
            "invalid": _("Cette adresse électronique n'est pas valide (exemple : nom@domaine.fr)."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    frequency = forms.ChoiceField(
        label=_("Fréquence"),
        choices=AlertFrequency.choices,
        initial=AlertFrequency.WEEKLY,
        widget=forms.RadioSelect,
    )
    search = forms.CharField(required=False, max_length=1000, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
