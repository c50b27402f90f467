"""Site-wide response headers that neither Django nor django-csp sets.

- `Permissions-Policy` on every response: the site uses no camera, microphone, location, payment or
  USB device, so no page and no frame may ask for one (videos keep autoplay and fullscreen, which
  their frame requests with its `allow` attribute).
- A Content Security Policy for the Wagtail and Django admins, which django-csp leaves out
  (`CONTENT_SECURITY_POLICY["EXCLUDE_URL_PREFIXES"]`): the admin keeps its own scripts from the site
  itself and the inline styles of its widgets, and loads nothing from a third-party server."""

from django.conf import settings

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "payment",
        "serial",
        "usb",
    )
)


def admin_policy():
    """The admin's CSP header value, from ADMIN_CONTENT_SECURITY_POLICY."""
    return "; ".join(
        " ".join([directive, *values])
        for directive, values in settings.ADMIN_CONTENT_SECURITY_POLICY.items()
    )


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefixes = tuple(settings.CONTENT_SECURITY_POLICY["EXCLUDE_URL_PREFIXES"])

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.path.startswith(self.admin_prefixes):
            response.setdefault("Content-Security-Policy", admin_policy())
        return response
