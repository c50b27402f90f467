"""The forms of the network's space: sign-in (by email address or username), invitation, choosing
a password from an invitation, and the password reset in the site's words."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from core import reference
from core.forms import EmailAddressField

from .models import ROLE_CHOICES, ROLE_NETWORK, Invitation, Member


class LoginForm(AuthenticationForm):
    """Django's sign-in form (so django-axes counts its failures as the admin's), which also takes
    the email address of the account."""

    error_messages = {
        "invalid_login": _(
            "Adresse électronique (ou identifiant) ou mot de passe incorrect. Vérifiez-les et "
            "réessayez."
        ),
        "inactive": _("Ce compte est désactivé."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Adresse électronique ou identifiant")
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["username"].error_messages["required"] = _(
            "Indiquez votre adresse électronique ou votre identifiant."
        )
        self.fields["password"].label = _("Mot de passe")
        self.fields["password"].error_messages["required"] = _("Indiquez votre mot de passe.")

    def clean(self):
        typed = (self.cleaned_data.get("username") or "").strip()
        if "@" in typed:
            User = get_user_model()
            found = list(User.objects.filter(email__iexact=typed).order_by("pk")[:2])
            if len(found) == 1:
                self.cleaned_data["username"] = found[0].get_username()
        return super().clean()


def structure_choices():
    return [("", _("— Aucune —"))] + [
        (str(item.id), f"{item.name} ({item.kind_label})") for item in reference.structures()
    ]


def territory_choices():
    return [(item.code, item.name) for item in reference.territories()]


class InviteForm(forms.Form):
    email = EmailAddressField(label=_("Adresse électronique de la personne"))
    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    role = forms.ChoiceField(label=_("Rôle"), choices=ROLE_CHOICES, initial=ROLE_NETWORK)
    structure = forms.ChoiceField(label=_("Structure de l'annuaire"), required=False)
    territories = forms.MultipleChoiceField(
        label=_("Territoires suivis"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Communes ou intercommunalités (plusieurs choix possibles)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].choices = structure_choices()
        self.fields["territories"].choices = territory_choices()
        self.fields["first_name"].error_messages["required"] = _("Indiquez le prénom.")
        self.fields["last_name"].error_messages["required"] = _("Indiquez le nom.")
        self.fields["territories"].error_messages["invalid_choice"] = _(
            "Le territoire « %(value)s » n'existe pas dans l'annuaire."
        )
        self.fields["structure"].error_messages["invalid_choice"] = _(
            "Cette structure n'existe pas dans l'annuaire."
        )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if Member.objects.filter(user__email__iexact=email).exists():
            raise forms.ValidationError(_("Cette personne est déjà membre du réseau."))
        return email

    def clean_structure(self):
        value = self.cleaned_data.get("structure")
        return int(value) if value else None

    def save(self, invited_by) -> Invitation:
        data = self.cleaned_data
        return Invitation.objects.create(
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            role=data["role"],
            structure_id=data["structure"],
            territory_codes=sorted(data["territories"]),
            invited_by=invited_by,
        )


class ChoosePasswordForm(forms.Form):
    """The password of a new member (Django's validators, French messages)."""

    password1 = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Au moins 12 caractères, pas uniquement des chiffres ni un mot trop courant."),
        error_messages={"required": _("Choisissez un mot de passe.")},
    )
    password2 = forms.CharField(
        label=_("Confirmation du mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Saisissez le mot de passe une seconde fois.")},
    )

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("Les deux mots de passe ne sont pas identiques."))
        elif first:
            probe = get_user_model()(
                username=self.invitation.email,
                email=self.invitation.email,
                first_name=self.invitation.first_name,
                last_name=self.invitation.last_name,
            )
            try:
                password_validation.validate_password(first, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class MembersPasswordResetForm(PasswordResetForm):
    email = EmailAddressField()


class MembersSetPasswordForm(SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Nouveau mot de passe")
        self.fields["new_password2"].label = _("Confirmation du nouveau mot de passe")
