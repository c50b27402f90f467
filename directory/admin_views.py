"""Admin pages beyond Wagtail's listing and forms: the import of actors (CSV or data·inclusion JSON)
with a preview, the export in the data·inclusion schema, and the review of correction proposals."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from . import corrections, interop
from .importing import COLUMNS, MAX_BYTES, decode, import_actors, parse
from .models.corrections import CorrectionProposal
from .sitemaps import directory_pages
from .tasks import EDITOR_PERMISSION

SIGNING_SALT = "directory.import"
FORMATS = {"csv": parse, "data-inclusion": interop.parse_data_inclusion}


def require(request, *permissions):
    if not all(request.user.has_perm(permission) for permission in permissions):
        raise PermissionDenied


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Fichier"))
    format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        choices=[
            ("csv", gettext_lazy("CSV de l'annuaire (colonnes listées ci-dessous)")),
            ("data-inclusion", gettext_lazy("JSON de structures au schéma data·inclusion")),
        ],
        initial="csv",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("Le fichier dépasse 2 Mo : découpez-le."))
        return upload


@require_http_methods(["GET", "POST"])
def import_view(request):
    """POST a file: the preview (nothing written) and, if every row is valid, a signed copy of the
    file to confirm. POST the confirmation: the import, in one transaction."""
    require(request, "directory.add_actor", "directory.change_actor")
    report = None
    token = ""
    status = 200
    form = ImportForm()
    if request.method == "POST" and "confirm" in request.POST:
        try:
            payload = signing.loads(
                request.POST.get("confirm", ""), salt=SIGNING_SALT, max_age=3600
            )
            data, file_format = payload["data"].encode("utf-8"), payload["format"]
            parser = FORMATS[file_format]
        except (signing.BadSignature, KeyError, TypeError, AttributeError):
            messages.error(
                request,
                _("La confirmation n'est pas valide ou a expiré : envoyez le fichier à nouveau."),
            )
            return TemplateResponse(
                request, "directory/admin/import.html", _context(form, None, ""), status=400
            )
        report = import_actors(data, parser)
        if report.imported:
            messages.success(
                request,
                _("%(new)d acteurs ajoutés, %(updated)d mis à jour.")
                % {"new": report.count("new"), "updated": report.count("updated")},
            )
        else:
            status = 400
    elif request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data["file"].read()
            file_format = form.cleaned_data["format"]
            report = FORMATS[file_format](data)
            if report.valid:
                # The file, as the parser read it, signed: confirming re-reads exactly what was
                # previewed, and a forged confirmation is refused.
                text = decode(data) if file_format == "csv" else data.decode("utf-8-sig")
                token = signing.dumps(
                    {"data": text, "format": file_format}, salt=SIGNING_SALT, compress=True
                )
            else:
                status = 400
        else:
            status = 400
    return TemplateResponse(
        request, "directory/admin/import.html", _context(form, report, token), status=status
    )


def _context(form, report, token):
    return {"form": form, "report": report, "token": token, "columns": COLUMNS}


EXPORTS = {
    "structures": (interop.export_structures, interop.structures_csv),
    "services": (interop.export_services, interop.services_csv),
}


@require_http_methods(["GET"])
def export_view(request, file_format, dataset="structures"):
    """The published actors as data·inclusion structures, or what they offer as services, in JSON
    or CSV."""
    require(request, "directory.view_actor")
    if file_format not in ("json", "csv"):
        raise Http404(_("Format d'export inconnu : json ou csv."))
    export, to_csv = EXPORTS[dataset]
    page = directory_pages().filter(locale__language_code="fr").first() or directory_pages().first()
    items, refused = export(page.full_url if page else "")
    if refused:
        messages.warning(
            request,
            _("%(n)d acteurs ne sont pas exportés, refusés par le schéma : %(names)s.")
            % {"n": len(refused), "names": "; ".join(f"{a.name} ({e})" for a, e in refused[:5])},
        )
    if file_format == "json":
        response = HttpResponse(
            interop.structures_json(items), content_type="application/json; charset=utf-8"
        )
    else:
        response = HttpResponse(to_csv(items), content_type="text/csv; charset=utf-8")
    name = f"{dataset}-data-inclusion.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_http_methods(["GET"])
def corrections_view(request):
    """The pending correction proposals, oldest first."""
    require(request, EDITOR_PERMISSION)
    proposals = CorrectionProposal.objects.select_related("actor")
    return TemplateResponse(
        request,
        "directory/admin/corrections.html",
        {
            "proposals": proposals,
            "retention_days": settings.DIRECTORY_CORRECTION_RETENTION_DAYS,
        },
    )


@require_http_methods(["GET", "POST"])
def correction_view(request, pk):
    """A proposal as a diff (value when proposed, value now, proposed value); POST action=apply with
    the chosen fields, or action=refuse. Either deletes the proposal."""
    require(request, EDITOR_PERMISSION)
    proposal = get_object_or_404(CorrectionProposal.objects.select_related("actor"), pk=pk)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "refuse":
            corrections.refuse(proposal)
            messages.success(
                request,
                _("La proposition pour « %(actor)s » est refusée et effacée.")
                % {"actor": proposal.actor.name},
            )
            return redirect("directory_corrections")
        if action == "apply":
            try:
                actor = corrections.apply(
                    proposal, request.user, fields=request.POST.getlist("fields")
                )
            except corrections.CorrectionError as error:
                messages.error(request, str(error))
                status = 400
            else:
                messages.success(
                    request,
                    _("La fiche « %(actor)s » est corrigée ; la proposition est effacée.")
                    % {"actor": actor.name},
                )
                return redirect("directory_corrections")
        else:
            messages.error(request, _("Cette action n'existe pas : appliquer ou refuser."))
            status = 400
    return TemplateResponse(
        request,
        "directory/admin/correction.html",
        {"proposal": proposal, "rows": proposal.rows()},
        status=status,
    )
