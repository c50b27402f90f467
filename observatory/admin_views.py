"""The observatory's admin views: the yearly campaigns (each year's figures of a facilitator go from
draft to submitted to approved) and the CSV/XLSX import with its template, preview and report."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import reference

from . import access, importing
from .caching import figures_changed
from .models.choices import Status

SESSION_KEY = "observatory_import"


def _require(user, perm):
    if not user.has_perm(perm):
        raise PermissionDenied


def campaigns(request):
    """Per year and facilitator: how many operations in each state, and the actions allowed."""
    user = request.user
    _require(user, "observatory.view_operation")
    if request.method == "POST":
        _require(user, "observatory.change_operation")
        action = request.POST.get("action", "")
        try:
            year = int(request.POST.get("year", ""))
            facilitator = int(request.POST.get("facilitator", ""))
        except ValueError:
            messages.error(request, _("Campagne inconnue : rien n'a été changé."))
            return redirect("observatory_campaigns")
        operations = access.changeable_operations(user).filter(
            year=year, facilitator_id=facilitator
        )
        moves = {
            "submit": (Status.DRAFT, Status.SUBMITTED, False),
            "approve": (Status.SUBMITTED, Status.APPROVED, True),
            "reject": (Status.SUBMITTED, Status.DRAFT, True),
        }
        if action not in moves:
            messages.error(request, _("Action inconnue : rien n'a été changé."))
            return redirect("observatory_campaigns")
        source, target, approver_only = moves[action]
        if approver_only and not access.can_approve(user):
            raise PermissionDenied
        with transaction.atomic():
            count = operations.filter(status=source).update(status=target)
            figures_changed()
        messages.success(
            request,
            _("%(count)s opérations de %(year)s sont désormais « %(status)s ».")
            % {"count": count, "year": year, "status": Status(target).label},
        )
        return redirect("observatory_campaigns")
    rows = list(
        access.visible_operations(user)
        .values("year", "facilitator_id")
        .annotate(
            draft=Count("pk", filter=Q(status=Status.DRAFT)),
            submitted=Count("pk", filter=Q(status=Status.SUBMITTED)),
            approved=Count("pk", filter=Q(status=Status.APPROVED)),
            hours=Sum("hours_achieved"),
        )
        .order_by("-year", "facilitator_id")
    )
    names = {
        s.id: s.name for s in reference.structures(ids={row["facilitator_id"] for row in rows})
    }
    for row in rows:
        row["facilitator"] = names.get(row["facilitator_id"], row["facilitator_id"])
    return TemplateResponse(
        request,
        "observatory/admin/campaigns.html",
        {"rows": rows, "can_approve": access.can_approve(user)},
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Fichier CSV ou Excel (.xlsx)"),
        help_text=gettext_lazy("Au plus 5 Mo et 5 000 lignes, une opération par ligne."),
    )


def import_template(request, fmt):
    _require(request.user, "observatory.add_operation")
    if fmt == "xlsx":
        response = HttpResponse(
            importing.template_xlsx(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    elif fmt == "csv":
        response = HttpResponse(
            "\ufeff" + importing.template_csv(), content_type="text/csv; charset=utf-8"
        )
    else:
        return HttpResponse(status=404)
    response["Content-Disposition"] = f'attachment; filename="modele-observatoire.{fmt}"'
    return response


def import_view(request):
    """Upload → preview with a report per row → confirm (nothing saved until then, all or none)."""
    user = request.user
    _require(user, "observatory.add_operation")
    context = {"form": ImportForm(), "rows": None, "file_problem": ""}
    if request.method == "POST" and request.POST.get("confirm"):
        stored = request.session.pop(SESSION_KEY, None)
        if not stored:
            messages.error(request, _("Aucun import en attente : déposez de nouveau le fichier."))
            return redirect("observatory_import")
        rows = importing.check_rows([(line, values) for line, values in stored], user)
        if any(row.problems for row in rows):
            context["rows"] = rows
            context["file_problem"] = _(
                "Les données ont changé depuis l'aperçu : rien n'a été importé."
            )
            return TemplateResponse(request, "observatory/admin/import.html", context)
        count = importing.save_rows(rows)
        messages.success(
            request,
            _("%(count)s opérations importées en brouillon.") % {"count": count},
        )
        return redirect("observatory_campaigns")
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                data = upload.read(importing.MAX_BYTES + 1)
                parsed = importing.read_file(upload.name, data)
            except importing.FileProblem as problem:
                context["file_problem"] = str(problem)
            else:
                rows = importing.check_rows(parsed, user)
                context["rows"] = rows
                context["problem_count"] = sum(1 for row in rows if row.problems)
                if context["problem_count"]:
                    request.session.pop(SESSION_KEY, None)
                else:
                    request.session[SESSION_KEY] = [[row.line, row.values] for row in rows]
    return TemplateResponse(request, "observatory/admin/import.html", context)
