"""The contact form, built by Wagtail from the fields editors define, plus a honeypot against robots."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

HONEYPOT_FIELD = "website"


class ContactBaseForm(BaseForm):
    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(
                _(
                    "Votre message n'a pas été envoyé : le champ « Site web », réservé à la détection "
                    "des robots, doit rester vide."
                ),
                code="honeypot",
            )
        return cleaned_data


class ContactFormBuilder(FormBuilder):
    def get_form_class(self):
        fields = self.formfields
        # Hidden from people by CSS and from assistive technologies by aria-hidden; robots fill it in.
        fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Site web"),
            required=False,
            max_length=200,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        return type("ContactForm", (ContactBaseForm,), fields)
