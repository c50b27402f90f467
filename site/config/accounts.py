"""Admin accounts under attack: lockout after repeated failed logins (django-axes) and throttled
password resets.

- django-axes counts failed logins on the Wagtail and the Django admin per account and per IP
  address (ADMIN_LOGIN_FAILURE_LIMIT, ADMIN_LOGIN_COOLOFF_MINUTES); a locked-out login answers 429
  with `locked_out()` and the right password is refused until the cool-off ends.
- `PasswordResetThrottleMiddleware`: ADMIN_PASSWORD_RESET_RATE_LIMIT reset requests per IP address
  and per address typed, then 429 (every request sends an email: unthrottled, it floods mailboxes and
  the provider's quota)."""

from django.conf import settings
from django.shortcuts import render

from django_ratelimit.core import is_ratelimited

RESET_VIEW_NAME = "wagtailadmin_password_reset"


def client_ip(request):
    """The visitor's address, from the same header as the site's rate limits (RATELIMIT_IP_META_KEY,
    set behind a reverse proxy)."""
    key = settings.RATELIMIT_IP_META_KEY or "REMOTE_ADDR"
    value = request.META.get(key, "") or ""
    return value.split(",")[0].strip() or None


def locked_out(request, original_response=None, credentials=None):
    """What a locked-out login gets (AXES_LOCKOUT_CALLABLE): a French page, 429."""
    return render(
        request,
        "registration/locked_out.html",
        {"cooloff_minutes": settings.ADMIN_LOGIN_COOLOFF_MINUTES},
        status=429,
    )


class PasswordResetThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.url_name != RESET_VIEW_NAME:
            return None
        rate = settings.ADMIN_PASSWORD_RESET_RATE_LIMIT
        by_ip = is_ratelimited(
            request,
            group="password-reset-ip",
            key=lambda g, r: client_ip(r) or "",
            rate=rate,
            increment=True,
        )
        by_address = is_ratelimited(
            request,
            group="password-reset-email",
            key=lambda g, r: (r.POST.get("email") or "").strip().lower(),
            rate=rate,
            increment=True,
        )
        if by_ip or by_address:
            return render(request, "registration/password_reset_throttled.html", status=429)
        return None
