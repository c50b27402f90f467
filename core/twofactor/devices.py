"""A person's devices: one TOTP application and one set of recovery codes (django-otp's static
device), created, confirmed, replaced and removed together."""

from base64 import b32encode

from django.conf import settings
from django.db import transaction

import segno
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10


def pending_totp_device(user) -> TOTPDevice:
    """The unconfirmed TOTP device being enrolled, created with a fresh secret on first call and
    kept until confirmed, so that reloading the enrolment page shows the same QR code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=settings.TWO_FACTOR_DEVICE_NAME, confirmed=False
        )
    return device


def confirmed_totp_device(user) -> TOTPDevice | None:
    """The person's authenticator application, once confirmed."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def recovery_device(user) -> StaticDevice | None:
    """The person's recovery codes (a confirmed static device), if any."""
    return StaticDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def secret_text(device: TOTPDevice) -> str:
    """The secret in base 32, by groups of four, for people who type it rather than scan it."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice, title: str) -> str:
    """The device's otpauth:// address as an inline SVG QR code, drawn here (no image service)."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5,
        border=4,
        dark="#000",
        light="#fff",
        title=title,
        svgclass="twofactor-qr",
        lineclass=None,
    )


@transaction.atomic
def confirm_enrolment(device: TOTPDevice) -> list[str]:
    """Confirm `device` in place of any earlier one and give new recovery codes, returned once
    (they are stored as they must be typed: django-otp compares them as given)."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Replace the person's recovery codes with RECOVERY_CODE_COUNT new ones, returned once."""
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name=str(settings.TWO_FACTOR_RECOVERY_NAME))
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


@transaction.atomic
def remove_two_factor(user) -> None:
    """Remove the person's application and recovery codes (they may enrol again)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
