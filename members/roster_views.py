"""The coordination's pages for members: the list, a member's page (change role, structure and
territories; deactivate or reactivate; the log of changes). Anyone else gets a 404."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .access import can_invite, gate
from .roster import MemberForm, RefusedChange, can_manage_members, roster, roster_rows, set_active


def _signed_in(user):
    return user.is_authenticated


def managers_only(func):
    """Sign-in and two-factor step first (members.access.gate), then a 404 for anyone who does not
    manage members (a facilitator learns nothing of the page)."""

    def wrapped(request, *args, **kwargs):
        refusal = gate(request, _signed_in)
        if refusal is not None:
            return refusal
        if not can_manage_members(request.user):
            raise Http404
        return func(request, *args, **kwargs)

    wrapped.__name__ = func.__name__
    wrapped.__doc__ = func.__doc__
    return wrapped


@never_cache
@managers_only
def member_list(request):
    rows = roster_rows(roster())
    return render(
        request,
        "members/roster/list.html",
        {"rows": rows, "can_invite": can_invite(request.user)},
    )


@never_cache
@managers_only
def member_detail(request, pk):
    member = get_object_or_404(roster(), pk=pk)
    form = MemberForm(request.POST or None, member=member, by=request.user)
    if request.method == "POST" and form.is_valid():
        if form.save():
            messages.success(request, _("Les modifications du membre sont enregistrées."))
        else:
            messages.success(request, _("Aucune modification."))
        return redirect("members:member", pk=member.pk)
    row = roster_rows([member])[0]
    return render(
        request,
        "members/roster/detail.html",
        {
            "row": row,
            "member": member,
            "form": form,
            "changes": member.user.network_changes.select_related("by"),
            "can_invite": can_invite(request.user),
        },
        status=400 if form.errors else 200,
    )


def _set_active(request, pk, active):
    member = get_object_or_404(roster(), pk=pk)
    try:
        set_active(member, active, request.user)
    except RefusedChange as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Le compte est réactivé.")
            if active
            else _("Le compte est désactivé : la personne ne peut plus se connecter."),
        )
    return redirect("members:member", pk=member.pk)


@require_POST
@managers_only
def member_deactivate(request, pk):
    return _set_active(request, pk, False)


@require_POST
@managers_only
def member_reactivate(request, pk):
    return _set_active(request, pk, True)
