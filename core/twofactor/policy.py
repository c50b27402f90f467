"""Who must use two-factor authentication, and whether a request's session has given its code."""

from django.conf import settings

from django_otp import user_has_device


def two_factor_required(user) -> bool:
    """True when `user` must enrol a device: a member of a group of TWO_FACTOR_REQUIRED_GROUPS, or
    a superuser while TWO_FACTOR_REQUIRED_FOR_SUPERUSERS (a superuser holds every moderator's
    right)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser and settings.TWO_FACTOR_REQUIRED_FOR_SUPERUSERS:
        return True
    required = settings.TWO_FACTOR_REQUIRED_GROUPS
    return bool(required) and user.groups.filter(name__in=required).exists()


def has_two_factor(user) -> bool:
    """True when `user` has a confirmed device (an authenticator application)."""
    return user.is_authenticated and user_has_device(user, confirmed=True)


def is_verified(user) -> bool:
    """True when this session has given a code (django_otp.middleware.OTPMiddleware sets it)."""
    return user.is_authenticated and user.is_verified()
