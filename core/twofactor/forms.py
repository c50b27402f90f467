"""The code forms: a code is checked against one device, inside a transaction that locks it, so
django-otp's throttling (each failure doubles the wait before the next try) holds against
parallel guesses."""

import re

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy, ngettext

from django_otp.models import Device

from . import devices

TOTP_RE = re.compile(r"^\d{6}$")


def normalise_code(value: str) -> str:
    """The code as typed, without the spaces and dashes people add, in lower case."""
    return re.sub(r"[\s-]", "", value).lower()


def _throttled_error(device: Device) -> forms.ValidationError | None:
    allowed, data = device.verify_is_allowed()
    if allowed:
        return None
    seconds = max(1, int((data["locked_until"] - timezone.now()).total_seconds()) + 1)
    return forms.ValidationError(
        ngettext(
            "Trop de codes erronés : attendez %(seconds)d seconde avant de réessayer.",
            "Trop de codes erronés : attendez %(seconds)d secondes avant de réessayer.",
            seconds,
        )
        % {"seconds": seconds},
        code="throttled",
    )


def check_code(device: Device, code: str) -> Device | None:
    """The device, reloaded, if `code` is valid for it now; raises a French ValidationError while
    the device is throttled. A wrong code counts as a failure (django-otp)."""
    with transaction.atomic():
        locked = type(device).objects.select_for_update().get(pk=device.pk)
        error = _throttled_error(locked)
        if error is not None:
            raise error
        return locked if locked.verify_token(code) else None


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 32)
        kwargs.setdefault("strip", True)
        super().__init__(**kwargs)
        self.widget.attrs.update(
            {"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        )


class VerifyForm(forms.Form):
    """The code of the application, or one of the recovery codes (each works once)."""

    code = CodeField(
        label=gettext_lazy("Code de vérification"),
        help_text=gettext_lazy(
            "Les 6 chiffres affichés par votre application, ou l'un de vos codes de secours."
        ),
        error_messages={"required": gettext_lazy("Saisissez le code de vérification.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None
        self.used_recovery_code = False

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if TOTP_RE.match(code):
            device = devices.confirmed_totp_device(self.user)
        else:
            device = devices.recovery_device(self.user)
            self.used_recovery_code = True
        self.device = device and check_code(device, code)
        if self.device is None:
            raise forms.ValidationError(
                gettext_lazy("Ce code n'est pas valide ou a déjà servi."), code="invalid"
            )
        return code


class EnrolForm(forms.Form):
    """The first code of the new application, which proves it was set up."""

    code = CodeField(
        label=gettext_lazy("Code affiché par l'application"),
        help_text=gettext_lazy("Les 6 chiffres que l'application affiche pour ce compte."),
        error_messages={"required": gettext_lazy("Saisissez le code affiché par l'application.")},
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device
        self.fields["code"].widget.attrs["inputmode"] = "numeric"

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        confirmed = check_code(self.device, code) if TOTP_RE.match(code) else None
        if confirmed is None:
            raise forms.ValidationError(
                gettext_lazy(
                    "Ce code ne correspond pas : vérifiez l'heure de votre téléphone et "
                    "saisissez le code affiché maintenant."
                ),
                code="invalid",
            )
        self.device = confirmed
        return code


class ConfirmWithCodeForm(VerifyForm):
    """A current code, asked again before removing two-factor authentication or renewing codes."""
