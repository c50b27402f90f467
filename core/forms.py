"""What every public form of the site shares: the honeypot against robots and the email field with
its French messages."""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"


def honeypot_field() -> forms.CharField:
    """Hidden from people by CSS and from assistive technologies by aria-hidden; robots fill it in."""
    return forms.CharField(
        label=_("Site web"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


class HoneypotMixin:
    """Adds the honeypot field (last) and refuses the form, with `honeypot_message`, when it is
    filled in."""

    honeypot_message = _(
        "Le formulaire n'a pas été enregistré : le champ « Site web », réservé à la détection des "
        "robots, doit rester vide."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if HONEYPOT_FIELD not in self.fields:
            self.fields[HONEYPOT_FIELD] = honeypot_field()

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(self.honeypot_message, code="honeypot")
        return cleaned_data


class EmailAddressField(forms.EmailField):
    """A person's email address: 254 characters at most, the browser's email autocomplete, and
    French messages that say what to type."""

    default_error_messages = {
        "required": _("Indiquez votre adresse électronique."),
        "invalid": _("Cette adresse électronique n'est pas valide (exemple : nom@domaine.fr)."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Adresse électronique"))
        kwargs.setdefault("max_length", 254)
        kwargs.setdefault("widget", forms.EmailInput(attrs={"autocomplete": "email"}))
        super().__init__(**kwargs)
