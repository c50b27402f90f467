"""The contact form, built by Wagtail from the fields editors define, with the site's honeypot."""

from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from core.forms import HONEYPOT_FIELD, HoneypotMixin, honeypot_field


class ContactBaseForm(HoneypotMixin, BaseForm):
    honeypot_message = _(
        "Votre message n'a pas été envoyé : le champ « Site web », réservé à la détection "
        "des robots, doit rester vide."
    )


class ContactFormBuilder(FormBuilder):
    def get_form_class(self):
        fields = self.formfields
        fields[HONEYPOT_FIELD] = honeypot_field()
        return type("ContactForm", (ContactBaseForm,), fields)
