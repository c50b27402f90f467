"""The contact form, built by Wagtail from the fields editors define, with the site's honeypot."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from core.forms import HONEYPOT_FIELD, HoneypotMixin, honeypot_field


class ContactBaseForm(HoneypotMixin, BaseForm):
    honeypot_message = _(
        "Votre message n'a pas été envoyé : le champ « Site web », réservé à la détection "
        "des robots, doit rester vide."
    )


class ContactFormBuilder(FormBuilder):
    """Every free-text field is bounded: a message is stored and emailed to the team, so an unbounded
    one lets anyone fill the database and the team's mailbox (CONTACT_MESSAGE_MAX_LENGTH)."""

    def create_multiline_field(self, field, options):
        options["max_length"] = settings.CONTACT_MESSAGE_MAX_LENGTH
        options["error_messages"] = {
            "max_length": _(
                "Votre message est trop long : %(limit_value)d caractères au plus "
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
