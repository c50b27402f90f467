"""The public form that proposes a correction of an entry: the entry's own fields, filled in with
their current values, a message for what the fields do not hold (territory, contacts...), and the
proposer's address so that editors can reply. The honeypot comes last."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import EmailAddressField, HoneypotMixin

from .models.actors import Actor, compact_siret, validate_siret
from .models.corrections import CORRECTABLE_FIELDS

# The honeypot is named "website": the entry's website takes another name in the form.
FORM_NAMES = {"website": "web_address"}
MESSAGE_MAX_LENGTH = 2000


def form_name(field):
    return FORM_NAMES.get(field, field)


def privacy_notice():
    return _(
        "Votre adresse ne sert qu'à vous répondre au sujet de cette proposition. Elle n'est "
        "transmise à personne et elle est effacée dès que l'équipe a traité la proposition, au plus "
        "tard %(days)s jours après son envoi."
    ) % {"days": settings.DIRECTORY_CORRECTION_RETENTION_DAYS}


def entry_field(name):
    model_field = Actor._meta.get_field(name)
    label = model_field.verbose_name
    if name == "name":
        return forms.CharField(
            label=label,
            max_length=model_field.max_length,
            error_messages={"required": _("Indiquez le nom de la structure.")},
        )
    if name == "description":
        return forms.CharField(
            label=label, required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
        )
    if name == "siret":
        # As typed, with spaces ("732 829 320 00074"): compacted, then checked.
        return forms.CharField(label=label, required=False, max_length=20)
    if name == "email":
        return forms.EmailField(
            label=label,
            required=False,
            error_messages={
                "invalid": _(
                    "Cette adresse électronique n'est pas valide (exemple : nom@domaine.fr)."
                )
            },
        )
    if name == "website":
        return forms.URLField(
            label=label,
            required=False,
            assume_scheme="https",
            error_messages={
                "invalid": _(
                    "Cette adresse de site n'est pas valide (exemple : https://exemple.fr)."
                )
            },
        )
    return forms.CharField(
        label=label,
        required=False,
        max_length=model_field.max_length,
        help_text=model_field.help_text if name == "opening_hours" else "",
    )


class CorrectionForm(HoneypotMixin, forms.Form):
    honeypot_message = _(
        "Votre proposition n'a pas été enregistrée : le champ « Site web », réservé à la détection "
        "des robots, doit rester vide."
    )

    message = forms.CharField(
        label=_("Autre correction ou précision (facultatif)"),
        help_text=_("Territoire couvert, contacts, secteurs… : décrivez ce qui doit changer."),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    from_actor = forms.BooleanField(label=_("Je fais partie de cette structure"), required=False)
    proposer_name = forms.CharField(
        label=_("Votre nom (facultatif)"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    proposer_email = EmailAddressField(
        label=_("Votre adresse électronique"),
        help_text=_("Pour que l'équipe puisse vous répondre si besoin."),
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.label_suffix = ""
        for name in CORRECTABLE_FIELDS:
            field = entry_field(name)
            field.initial = getattr(actor, name)
            field.widget.attrs.setdefault("autocomplete", "off")
            self.fields[form_name(name)] = field
        self.order_fields(
            [form_name(name) for name in CORRECTABLE_FIELDS]
            + ["message", "from_actor", "proposer_name", "proposer_email"]
        )

    def clean_siret(self):
        value = compact_siret(self.cleaned_data.get("siret", ""))
        if value:
            validate_siret(value)
        return value

    def clean_postal_code(self):
        value = self.cleaned_data.get("postal_code", "").strip()
        if value and not (value.isdigit() and len(value) == 5):
            raise ValidationError(_("Le code postal doit compter 5 chiffres."))
        return value

    def clean(self):
        cleaned_data = super().clean()
        if not self.errors and not self.changes() and not cleaned_data.get("message", "").strip():
            raise ValidationError(
                _(
                    "Vous n'avez rien changé : modifiez au moins un champ, ou décrivez la "
                    "correction dans le message."
                ),
                code="no_change",
            )
        return cleaned_data

    def changes(self):
        """{field: proposed value} for the fields whose value differs from the entry's."""
        changes = {}
        for name in CORRECTABLE_FIELDS:
            key = form_name(name)
            if key not in self.cleaned_data:
                continue
            value = (self.cleaned_data[key] or "").strip()
            if value != (getattr(self.actor, name) or "").strip():
                changes[name] = value
        return changes
