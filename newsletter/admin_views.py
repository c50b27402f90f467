"""Admin pages beyond Wagtail's generic listing and forms: CSV import, a send's report with its
pause / resume / cancel buttons, and the test send of an issue."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.validators import validate_email
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from .forms import AudienceChoiceField
from .importing import import_subscribers
from .models import Audience, CampaignSend, NewsletterPage
from .sending import send_test
from .sending.control import cancel_send, pause_send, resume_send

MAX_IMPORT_BYTES = 5 * 1024 * 1024


def require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Fichier CSV"),
        help_text=gettext_lazy(
            "Première ligne : les noms des colonnes — courriel (obligatoire), nom, structure, "
            "territoire, publics (séparés par |). Séparateur ; ou ,."
        ),
    )
    basis = forms.CharField(
        label=gettext_lazy("Base du consentement"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Où et comment ces personnes ont accepté de recevoir la lettre (par exemple : "
            "formulaire papier de la rencontre acheteurs du 12 mars 2026). Conservé comme preuve."
        ),
    )
    audiences = AudienceChoiceField(
        label=gettext_lazy("Publics par défaut"),
        queryset=Audience.objects.all(),
        help_text=gettext_lazy("Pour les lignes dont la colonne « publics » est vide."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("Le fichier dépasse 5 Mo : découpez-le."))
        return upload


@require_http_methods(["GET", "POST"])
def import_view(request):
    require(request, "newsletter.add_subscriber")
    report = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        report = import_subscribers(
            form.cleaned_data["file"].read(),
            basis=form.cleaned_data["basis"],
            default_audiences=list(form.cleaned_data["audiences"]),
            user=request.user,
        )
        if report.imported:
            messages.success(
                request,
                _("%(n)d abonnés importés.") % {"n": report.count("accepted")},
            )
    return TemplateResponse(
        request, "newsletter/admin/import.html", {"form": form, "report": report}
    )


@require_http_methods(["GET", "POST"])
def send_report_view(request, pk):
    require(request, "newsletter.view_campaignsend")
    send = get_object_or_404(CampaignSend.objects.select_related("page"), pk=pk)
    if request.method == "POST":
        require(request, "newsletter.change_campaignsend")
        action = request.POST.get("action")
        actions = {"pause": pause_send, "resume": resume_send, "cancel": cancel_send}
        if action in actions:
            actions[action](send)
            messages.success(request, _("Envoi mis à jour."))
        return redirect("newsletter_send_report", pk=send.pk)
    return TemplateResponse(
        request,
        "newsletter/admin/send_report.html",
        {"send": send, "report": send.report(), "Status": CampaignSend.Status},
    )


class TestSendForm(forms.Form):
    addresses = forms.CharField(
        label=gettext_lazy("Adresses de test"),
        max_length=3000,
        help_text=gettext_lazy(
            "Une ou plusieurs adresses, séparées par des virgules (10 au plus)."
        ),
    )

    def clean_addresses(self):
        addresses = [a.strip() for a in self.cleaned_data["addresses"].split(",") if a.strip()]
        if not addresses or len(addresses) > 10:
            raise forms.ValidationError(_("Indiquez d'une à dix adresses."))
        for address in addresses:
            try:
                validate_email(address)
            except forms.ValidationError as error:
                raise forms.ValidationError(
                    _("« %(address)s » n'est pas une adresse valide.") % {"address": address}
                ) from error
        return addresses


@require_http_methods(["GET", "POST"])
def test_send_view(request, page_id):
    page = get_object_or_404(NewsletterPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    form = TestSendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        send_test(page, form.cleaned_data["addresses"])
        messages.success(request, _("Lettre de test envoyée."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request, "newsletter/admin/test_send.html", {"form": form, "page": page}
    )
