"""The honeypot every public form carries against robots, and the contact form, built by Wagtail from
the fields editors define."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

HONEYPOT_FIELD = "website"


def honeypot_field():
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
        "Le formulaire n'a pas été enregistré : le champ « Site web », réservé à la détection des "
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


class ContactBaseForm(HoneypotMixin, BaseForm):
    honeypot_message = _(
        "Votre message n'a pas été envoyé : le champ « Site web », réservé à la détection "
        "des robots, doit rester vide."
    )


class ContactFormBuilder(FormBuilder):
    """Every free-text field is bounded: a message is stored and emailed to the team, so an unbounded
    one lets anyone fill the database and the team's mailbox (CONTACT_MESSAGE_MAX_LENGTH)."""

    def create_multiline_field(self, field, options):
        options["max_length"] = settings.CONTACT_MESSAGE_MAX_LENGTH
        options["error_messages"] = {
            "max_length": _(
                "Votre message est trop long : %(limit_value)d caractères au plus "
                "(il en compte %(show_value)d)."
            )
        }
        return super().create_multiline_field(field, options)

    def create_hidden_field(self, field, options):
        options["max_length"] = 255
        return super().create_hidden_field(field, options)

    def get_form_class(self):
        fields = self.formfields
        fields[HONEYPOT_FIELD] = honeypot_field()
        return type("ContactForm", (ContactBaseForm,), fields)
