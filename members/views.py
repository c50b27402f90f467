"""The pages of the network's space, in the site's design: sign-in (then the two-factor step),
sign-out, password reset, the account page, invitations, and the members' home."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from django_ratelimit.core import is_ratelimited

from core import reference
from core.network import NETWORK_GROUP_LABELS, NETWORK_GROUPS, membership
from core.ratelimit import client_ip
from core.sections import members_sections
from core.twofactor import views as twofactor_views
from core.twofactor.policy import has_two_factor

from .access import can_invite, members_only, members_two_factor_required, two_factor_step
from .accounts import accept_invitation
from .forms import (
    ChoosePasswordForm,
    InviteForm,
    LoginForm,
    MembersPasswordResetForm,
    MembersSetPasswordForm,
)
from .invitations import InvalidInvitation, invitation_for, send_invitation

MEMBERS_BACKEND = "django.contrib.auth.backends.ModelBackend"


@method_decorator(never_cache, name="dispatch")
class LoginView(auth_views.LoginView):
    """The password (django-axes counts failures and locks out as on the admin), then the
    two-factor step the person owes."""

    template_name = "members/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("members:home")

    def get_success_url(self):
        target = super().get_success_url()
        step = two_factor_step(self.request.user)
        if step is not None:
            return f"{reverse(step)}?{urlencode({'next': target})}"
        return target


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("members:logged_out")


def logged_out(request):
    return render(request, "members/logged_out.html")


@method_decorator(never_cache, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    """Throttled like the admin's (ADMIN_PASSWORD_RESET_RATE_LIMIT per address and per IP)."""

    template_name = "members/password_reset.html"
    email_template_name = "members/email/password_reset.txt"
    subject_template_name = "members/email/password_reset_subject.txt"
    form_class = MembersPasswordResetForm
    success_url = reverse_lazy("members:password_reset_done")

    def post(self, request, *args, **kwargs):
        rate = settings.ADMIN_PASSWORD_RESET_RATE_LIMIT
        by_ip = is_ratelimited(
            request,
            group="members-reset-ip",
            key=lambda g, r: client_ip(r) or "",
            rate=rate,
            increment=True,
        )
        by_address = is_ratelimited(
            request,
            group="members-reset-email",
            key=lambda g, r: (r.POST.get("email") or "").strip().lower(),
            rate=rate,
            increment=True,
        )
        if by_ip or by_address:
            return render(request, "registration/password_reset_throttled.html", status=429)
        return super().post(request, *args, **kwargs)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "members/password_reset_done.html"


@method_decorator(never_cache, name="dispatch")
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "members/password_reset_confirm.html"
    form_class = MembersSetPasswordForm
    success_url = reverse_lazy("members:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "members/password_reset_complete.html"


class MembersTwoFactorMixin:
    home_url_name = "members:home"
    verify_url_name = "members:twofactor_verify"
    enrol_url_name = "members:twofactor_enrol"
    manage_url_name = "members:twofactor_manage"
    recovery_codes_template = "members/twofactor/recovery_codes.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(f"{reverse('members:login')}?{urlencode({'next': request.path})}")
        return super().dispatch(request, *args, **kwargs)


class VerifyView(MembersTwoFactorMixin, twofactor_views.VerifyView):
    template_name = "members/twofactor/verify.html"


class EnrolView(MembersTwoFactorMixin, twofactor_views.EnrolView):
    template_name = "members/twofactor/enrol.html"

    def context(self, device, form):
        context = super().context(device, form)
        context["required"] = members_two_factor_required(self.request.user)
        return context


class ManageView(MembersTwoFactorMixin, twofactor_views.ManageView):
    template_name = "members/twofactor/manage.html"

    def context(self, form=None):
        context = super().context(form)
        context["required"] = members_two_factor_required(self.request.user)
        return context


def _signed_in(user):
    return user.is_authenticated


@never_cache
@members_only(allow=_signed_in)
def account(request):
    """What the network knows of the person, and their security settings."""
    user = request.user
    found = membership(user)
    structure = reference.structure(found.structure_id) if found and found.structure_id else None
    territories = reference.territories(sorted(found.territory_codes)) if found else []
    groups = [
        NETWORK_GROUP_LABELS[name]
        for name in NETWORK_GROUPS
        if user.groups.filter(name=name).exists()
    ]
    return render(
        request,
        "members/account.html",
        {
            "membership": found,
            "structure": structure,
            "territories": territories,
            "network_groups": groups,
            "two_factor_enabled": has_two_factor(user),
            "two_factor_required": members_two_factor_required(user),
            "can_invite": can_invite(user),
        },
    )


@never_cache
@members_only
def home(request):
    """The members' home: the sections the apps register (core.sections), each given
    (request, None) and shown when its context is not None."""
    sections = []
    for section in members_sections():
        values = section.context(request, None)
        if values is not None:
            sections.append(render_to_string(section.template, values, request=request))
    return render(
        request,
        "members/home.html",
        {"sections": sections, "can_invite": can_invite(request.user)},
    )


@never_cache
@members_only(allow=can_invite)
def invite(request):
    """An editor (coordination team, moderator) invites a person by email."""
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            invitation = form.save(request.user)
            send_invitation(request, invitation)
        messages.success(
            request,
            _("Invitation envoyée à %(email)s : le lien est valable 7 jours.")
            % {"email": invitation.email},
        )
        return redirect("members:invite")
    return render(request, "members/invite.html", {"form": form})


INVALID_MESSAGES = {
    "expired": lambda: _(
        "Ce lien d'invitation a expiré : il n'est valable que 7 jours. Demandez à l'équipe de "
        "coordination de vous inviter à nouveau."
    ),
    "used": lambda: _(
        "Cette invitation a déjà servi à créer votre compte : connectez-vous, ou réinitialisez "
        "votre mot de passe si vous l'avez oublié."
    ),
    "invalid": lambda: _(
        "Ce lien d'invitation n'est pas valide. Vérifiez qu'il a été copié en entier, ou demandez "
        "une nouvelle invitation."
    ),
}


@never_cache
@sensitive_post_parameters("password1", "password2")
def accept(request, token):
    """The invited person chooses a password; the account is created and signed in."""
    try:
        invitation = invitation_for(token)
    except InvalidInvitation as error:
        return render(
            request,
            "members/invalid_invitation.html",
            {"message": INVALID_MESSAGES[error.reason]()},
            status=400 if error.reason == "invalid" else 410,
        )
    form = ChoosePasswordForm(request.POST or None, invitation=invitation)
    if request.method == "POST" and form.is_valid():
        user = accept_invitation(invitation, form.cleaned_data["password1"], timezone.now())
        auth_login(request, user, backend=MEMBERS_BACKEND)
        messages.success(request, _("Bienvenue dans l'espace du réseau : votre compte est créé."))
        step = two_factor_step(user)
        if step is not None:
            return redirect(f"{reverse(step)}?{urlencode({'next': reverse('members:home')})}")
        return redirect("members:home")
    return render(request, "members/accept.html", {"form": form, "invitation": invitation})
