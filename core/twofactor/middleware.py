"""The admins refuse sessions that have not given their code: after django_otp's OTPMiddleware,
a request under TWO_FACTOR_PROTECTED_PATHS from a signed-in person who has a device (or must have
one) and has not verified this session goes to the verification page (or to the enrolment page).
The sign-in, sign-out, password-reset and two-factor pages themselves stay open."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from .policy import has_two_factor, is_verified, two_factor_required

# Views an unverified session may reach under the protected paths.
OPEN_VIEWS = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "admin:login",
        "admin:logout",
        "twofactor_verify",
        "twofactor_enrol",
    }
)


class TwoFactorMiddleware:
    """Send unverified sessions of the protected paths to verification or enrolment."""

    verify_url_name = "twofactor_verify"
    enrol_url_name = "twofactor_enrol"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.refusal(request) or self.get_response(request)

    def refusal(self, request: HttpRequest) -> HttpResponse | None:
        path = request.path_info
        if not any(path.startswith(prefix) for prefix in settings.TWO_FACTOR_PROTECTED_PATHS):
            return None
        user = request.user
        if not user.is_authenticated or is_verified(user):
            return None
        try:
            if resolve(path).view_name in OPEN_VIEWS:
                return None
        except Resolver404:
            return None
        if has_two_factor(user):
            target = self.verify_url_name
        elif two_factor_required(user):
            target = self.enrol_url_name
        else:
            return None
        next_url = request.get_full_path() if request.method == "GET" else ""
        query = f"?{urlencode({'next': next_url})}" if next_url else ""
        return redirect(reverse(target) + query)
