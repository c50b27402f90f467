"""The register's pages: the list (filters, CSV and XLSX export), a contract's page (territories,
lead facilitators, hours per year, history), and the forms that change them."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core import reference
from core.network import is_coordination

from .access import can_invite, members_only
from .contracts import (
    ContractForm,
    FacilitatorForm,
    HoursForm,
    can_change_hours,
    export_csv,
    export_xlsx,
    log_change,
    notice_link,
    territory_name,
    visible_contracts,
)
from .documents import ContractDocumentForm
from .models import Contract, ContractDocument, ContractTerritory

PAGE_SIZE = 50
HISTORY_ON_PAGE = 10


def _text(request, key):
    value = request.GET.get(key, "")
    return value.strip()[:200] if isinstance(value, str) else ""


@never_cache
@members_only
def contract_list(request):
    contracts = visible_contracts(request.user)
    notes = []
    status = _text(request, "etat")
    if status:
        if status in dict(Contract.STATUS_CHOICES):
            contracts = contracts.filter(status=status)
        else:
            notes.append(_("Cet état n'existe pas : le filtre a été ignoré."))
            status = ""
    territory = _text(request, "territoire")
    if territory:
        if reference.territory(territory) is not None:
            contracts = contracts.filter(territories__territory_code=territory).distinct()
        else:
            notes.append(_("Ce territoire n'existe pas : le filtre a été ignoré."))
            territory = ""
    query = _text(request, "q")
    if query:
        contracts = contracts.filter(title__icontains=query) | contracts.filter(
            buyer__icontains=query
        )
    export = _text(request, "export")
    if export == "csv":
        response = HttpResponse(export_csv(contracts), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="marches-multi-territoriaux.csv"'
        return response
    if export == "xlsx":
        response = HttpResponse(
            export_xlsx(contracts),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="marches-multi-territoriaux.xlsx"'
        return response
    contracts = contracts.prefetch_related("territories").order_by("title", "pk")
    count = contracts.count()
    all_territories = reference.territories()
    names = {item.code: item.name for item in all_territories}
    shown = list(contracts[:PAGE_SIZE])
    for contract in shown:
        contract.territory_names = [
            names.get(item.territory_code, item.territory_code)
            for item in contract.territories.all()
        ]
    return render(
        request,
        "members/contracts/list.html",
        {
            "contracts": shown,
            "count": count,
            "truncated": count > PAGE_SIZE,
            "statuses": Contract.STATUS_CHOICES,
            "territory_options": territory_options(all_territories, territory),
            "status": status,
            "territory": territory,
            "query": query,
            "notes": notes,
            "query_string": request.GET.urlencode(),
            "coordination": is_coordination(request.user),
            "can_invite": can_invite(request.user),
        },
    )


def territory_options(territories, selected):
    """The filter's <option>s of the territories (several hundred: written here in one pass, a
    template loop would cost more than the rest of the page)."""
    return format_html_join(
        "\n",
        '<option value="{}"{}>{}</option>',
        (
            (item.code, mark_safe(" selected") if item.code == selected else "", item.name)
            for item in territories
        ),
    )


def _visible(request, pk):
    return get_object_or_404(visible_contracts(request.user), pk=pk)


def can_add_documents(user, contract) -> bool:
    """The coordination, and whoever may enter the hours of one of the contract's territories."""
    return any(can_change_hours(user, item) for item in contract.territories.all())


def _detail(
    request,
    contract,
    hours_form=None,
    hours_territory=None,
    status=200,
    document_form=None,
):
    territories = []
    for item in contract.territories.select_related("facilitator").prefetch_related("hours"):
        territories.append(
            {
                "item": item,
                "name": territory_name(item.territory_code),
                "can_change": can_change_hours(request.user, item),
                "form": hours_form if hours_territory == item.pk else HoursForm(),
                "facilitator_form": FacilitatorForm(initial={"facilitator": item.facilitator_id}),
            }
        )
    return render(
        request,
        "members/contracts/detail.html",
        {
            "contract": contract,
            "territories": territories,
            "changes": contract.changes.select_related("user")[:HISTORY_ON_PAGE],
            "more_changes": contract.changes.count() > HISTORY_ON_PAGE,
            "notice_link": notice_link(contract),
            "documents": contract.documents.select_related("document", "added_by"),
            "can_add_documents": can_add_documents(request.user, contract),
            "document_form": document_form or ContractDocumentForm(),
            "coordination": is_coordination(request.user),
            "can_invite": can_invite(request.user),
        },
        status=status,
    )


@never_cache
@members_only
def contract_detail(request, pk):
    return _detail(request, _visible(request, pk))


@never_cache
@members_only(allow=is_coordination)
def contract_edit(request, pk=None):
    contract = get_object_or_404(Contract, pk=pk) if pk else None
    form = ContractForm(request.POST or None, instance=contract)
    if request.method == "POST" and form.is_valid():
        contract = form.save_by(request.user)
        messages.success(request, _("Le marché est enregistré."))
        return redirect("members:contract", pk=contract.pk)
    return render(
        request,
        "members/contracts/form.html",
        {"form": form, "contract": contract, "can_invite": can_invite(request.user)},
    )


@require_POST
@members_only
def contract_hours(request, pk, territory_pk):
    contract = _visible(request, pk)
    territory = get_object_or_404(ContractTerritory, contract=contract, pk=territory_pk)
    if not can_change_hours(request.user, territory):
        raise Http404
    form = HoursForm(request.POST)
    if not form.is_valid():
        return _detail(request, contract, form, territory.pk, status=400)
    form.save_for(territory, request.user)
    messages.success(request, _("Les heures sont enregistrées."))
    return redirect("members:contract", pk=contract.pk)


@require_POST
@members_only(allow=is_coordination)
def contract_facilitator(request, pk, territory_pk):
    contract = get_object_or_404(Contract, pk=pk)
    territory = get_object_or_404(ContractTerritory, contract=contract, pk=territory_pk)
    form = FacilitatorForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["facilitator"][0])
        return redirect("members:contract", pk=contract.pk)
    person = form.cleaned_data["facilitator"]
    if person != territory.facilitator:
        territory.facilitator = person
        territory.save(update_fields=["facilitator"])
        name = (person.get_full_name() or person.get_username()) if person else _("personne")
        log_change(
            contract,
            request.user,
            _("Facilitateur référent de %(territory)s : %(name)s.")
            % {"territory": territory_name(territory.territory_code), "name": name},
        )
        messages.success(request, _("Le facilitateur référent est enregistré."))
    return redirect("members:contract", pk=contract.pk)


@require_POST
@members_only
def contract_document_add(request, pk):
    contract = _visible(request, pk)
    if not can_add_documents(request.user, contract):
        raise Http404
    form = ContractDocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        return _detail(request, contract, status=400, document_form=form)
    form.save_for(contract, request.user)
    messages.success(request, _("Le document est joint au marché."))
    return redirect("members:contract", pk=contract.pk)


@never_cache
@members_only
def contract_document(request, pk, document_pk):
    """A contract's document, for those who may see the contract only."""
    contract = _visible(request, pk)
    attached = get_object_or_404(
        ContractDocument.objects.select_related("document"), contract=contract, pk=document_pk
    )
    document = attached.document
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=document.filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
@members_only
def contract_history(request, pk):
    """Every change of a contract, the latest first."""
    contract = _visible(request, pk)
    return render(
        request,
        "members/contracts/history.html",
        {
            "contract": contract,
            "changes": contract.changes.select_related("user"),
            "can_invite": can_invite(request.user),
        },
    )
