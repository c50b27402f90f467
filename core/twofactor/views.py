"""The enrolment, verification and management pages of two-factor authentication.

Each view names its templates and the URLs it sends people to as class attributes: the admin
serves them in Wagtail's look (core.wagtail_hooks); another space subclasses them with its own
templates and URL names. Every response is private and never cached: they carry secrets."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.cache import never_cache

import django_otp

from . import devices
from .forms import ConfirmWithCodeForm, EnrolForm, VerifyForm
from .policy import has_two_factor, is_verified, two_factor_required


@method_decorator(never_cache, name="dispatch")
class TwoFactorView(View):
    """What the three pages share: where to go next, and the URL names of the others."""

    home_url_name = "wagtailadmin_home"
    verify_url_name = "twofactor_verify"
    enrol_url_name = "twofactor_enrol"
    manage_url_name = "twofactor_manage"
    recovery_codes_template = "core/twofactor/admin/recovery_codes.html"

    def next_url(self) -> str:
        """The `next` parameter when it points into this site, else the home of the space."""
        candidate = self.request.POST.get("next") or self.request.GET.get("next") or ""
        if candidate and url_has_allowed_host_and_scheme(
            candidate,
            allowed_hosts={self.request.get_host()},
            require_https=self.request.is_secure(),
        ):
            return candidate
        return reverse(self.home_url_name)

    def redirect_with_next(self, url_name: str):
        return redirect(f"{reverse(url_name)}?{urlencode({'next': self.next_url()})}")

    def render(self, template: str, context: dict):
        context = {"next": self.next_url(), **context}
        return TemplateResponse(self.request, template, context)

    def show_recovery_codes(self, codes: list[str], enrolled: bool = False):
        """The recovery codes, on this one response only: they are not kept in clear anywhere."""
        return self.render(self.recovery_codes_template, {"codes": codes, "enrolled": enrolled})


class VerifyView(TwoFactorView):
    """After the password: the code of the application or a recovery code makes the session
    verified (django_otp.login)."""

    template_name = "core/twofactor/admin/verify.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not has_two_factor(user):
            if two_factor_required(user):
                return self.redirect_with_next(self.enrol_url_name)
            return redirect(self.next_url())
        if is_verified(user):
            return redirect(self.next_url())
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(self.template_name, {"form": VerifyForm(user=request.user)})

    def post(self, request):
        form = VerifyForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render(self.template_name, {"form": form})
        # A new session key for the verified session, as at a password sign-in.
        request.session.cycle_key()
        django_otp.login(request, form.device)
        if form.used_recovery_code:
            left = form.device.token_set.count()
            messages.warning(
                request,
                ngettext(
                    "Code de secours accepté : il vous en reste %(count)d. Pensez à en générer "
                    "de nouveaux.",
                    "Code de secours accepté : il vous en reste %(count)d. Pensez à en générer "
                    "de nouveaux.",
                    left,
                )
                % {"count": left},
            )
        return redirect(self.next_url())


class EnrolView(TwoFactorView):
    """Set up an authenticator application: a QR code and the secret in text, confirmed by a
    first code; then the recovery codes, shown once. Enrolling again replaces the application."""

    template_name = "core/twofactor/admin/enrol.html"

    def dispatch(self, request, *args, **kwargs):
        if has_two_factor(request.user) and not is_verified(request.user):
            return self.redirect_with_next(self.verify_url_name)
        return super().dispatch(request, *args, **kwargs)

    def context(self, device, form):
        return {
            "form": form,
            "qr_code": devices.qr_code_svg(
                device, _("Code QR à scanner avec votre application d'authentification")
            ),
            "secret": devices.secret_text(device),
            "required": two_factor_required(self.request.user),
            "replacing": has_two_factor(self.request.user),
        }

    def get(self, request):
        device = devices.pending_totp_device(request.user)
        return self.render(self.template_name, self.context(device, EnrolForm(device=device)))

    def post(self, request):
        device = devices.pending_totp_device(request.user)
        form = EnrolForm(request.POST, device=device)
        if not form.is_valid():
            return self.render(self.template_name, self.context(device, form))
        codes = devices.confirm_enrolment(form.device)
        django_otp.login(request, form.device)
        return self.show_recovery_codes(codes, enrolled=True)


class ManageView(TwoFactorView):
    """Where a person sees their two-factor authentication, renews their recovery codes, sets up
    a new application or removes it (removal asks for a current code)."""

    template_name = "core/twofactor/admin/manage.html"

    def dispatch(self, request, *args, **kwargs):
        if has_two_factor(request.user) and not is_verified(request.user):
            return self.redirect_with_next(self.verify_url_name)
        return super().dispatch(request, *args, **kwargs)

    def context(self, form=None):
        user = self.request.user
        recovery = devices.recovery_device(user)
        return {
            "enabled": has_two_factor(user),
            "required": two_factor_required(user),
            "recovery_codes_left": recovery.token_set.count() if recovery else 0,
            "form": form or ConfirmWithCodeForm(user=user),
        }

    def get(self, request):
        return self.render(self.template_name, self.context())

    def post(self, request):
        user = request.user
        if not has_two_factor(user):
            return redirect(self.manage_url_name)
        action = request.POST.get("action")
        if action == "recovery_codes":
            return self.show_recovery_codes(devices.new_recovery_codes(user))
        if action != "remove":
            return redirect(self.manage_url_name)
        form = ConfirmWithCodeForm(request.POST, user=user)
        if not form.is_valid():
            return self.render(self.template_name, self.context(form))
        devices.remove_two_factor(user)
        request.session.pop(django_otp.DEVICE_ID_SESSION_KEY, None)
        if two_factor_required(user):
            messages.warning(
                request,
                _(
                    "Votre application a été retirée. La double authentification est "
                    "obligatoire pour votre compte : configurez-en une nouvelle."
                ),
            )
            return redirect(self.enrol_url_name)
        messages.success(request, _("La double authentification est désactivée."))
        return redirect(self.manage_url_name)
