"""The log of meetings with buyers: the list (with the open follow-ups), a meeting's page, the
form to record or change one, and marking a follow-up done."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core import reference
from core.watch import buyer_notices

from .access import can_invite, members_only
from .buyers import public_buyer
from .contracts import visible_contracts
from .meetings import MeetingForm, buyer_meetings, open_follow_ups, visible_meetings


def _names():
    return {item.code: item.name for item in reference.territories()}


@never_cache
@members_only
def meeting_list(request):
    meetings = list(visible_meetings(request.user).prefetch_related("participants")[:100])
    names = _names()
    for meeting in meetings:
        meeting.territory_name = names.get(meeting.territory_code, meeting.territory_code)
    return render(
        request,
        "members/meetings/list.html",
        {
            "meetings": meetings,
            "follow_ups": open_follow_ups(request.user),
            "can_invite": can_invite(request.user),
        },
    )


@never_cache
@members_only
def meeting_detail(request, pk):
    meeting = get_object_or_404(visible_meetings(request.user), pk=pk)
    meeting.territory_name = _names().get(meeting.territory_code, meeting.territory_code)
    return render(
        request,
        "members/meetings/detail.html",
        {"meeting": meeting, "can_invite": can_invite(request.user)},
    )


@never_cache
@members_only
def meeting_edit(request, pk=None):
    meeting = get_object_or_404(visible_meetings(request.user), pk=pk) if pk else None
    form = MeetingForm(request.POST or None, instance=meeting, user=request.user)
    if request.method == "POST" and form.is_valid():
        meeting = form.save_by(request.user)
        messages.success(request, _("La rencontre est enregistrée."))
        return redirect("members:meeting", pk=meeting.pk)
    return render(
        request,
        "members/meetings/form.html",
        {"form": form, "meeting": meeting, "can_invite": can_invite(request.user)},
        status=400 if form.errors else 200,
    )


@require_POST
@members_only
def meeting_follow_up_done(request, pk):
    meeting = get_object_or_404(visible_meetings(request.user), pk=pk)
    meeting.follow_up_done = True
    meeting.save(update_fields=["follow_up_done"])
    messages.success(request, _("La relance est marquée comme faite."))
    return redirect("members:meeting", pk=meeting.pk)


BUYER_NOTICES_LIMIT = 20


def _buyer_page(request, name, meetings, contracts, in_directory):
    meetings = list(meetings)
    names = _names()
    for meeting in meetings:
        meeting.territory_name = names.get(meeting.territory_code, meeting.territory_code)
    return render(
        request,
        "members/meetings/buyer.html",
        {
            "buyer_name": name,
            "in_directory": in_directory,
            "meetings": meetings,
            "contracts": list(contracts.order_by("title", "pk")),
            # The procurement watch's notices of that buyer (core.watch), latest first.
            "notices": buyer_notices(name, BUYER_NOTICES_LIMIT),
            "can_invite": can_invite(request.user),
        },
    )


@never_cache
@members_only
def buyer_detail(request, pk):
    """A directory's buyer: every meeting with it the member may see, and the register's
    contracts of that buyer."""
    buyer = public_buyer(pk)
    meetings = buyer_meetings(request.user, structure_id=pk)
    if buyer is None:
        latest = meetings.first()
        if latest is None:
            raise Http404
        name = latest.buyer
    else:
        name = buyer.name
    contracts = visible_contracts(request.user).filter(buyer_structure_id=pk)
    return _buyer_page(request, name, meetings, contracts, buyer is not None)


@never_cache
@members_only
def buyer_by_name(request):
    """A buyer written by name (not in the directory): the same page, by ?nom=."""
    name = request.GET.get("nom", "")
    name = name.strip()[:255] if isinstance(name, str) else ""
    if not name:
        raise Http404
    meetings = buyer_meetings(request.user, name=name)
    contracts = visible_contracts(request.user).filter(buyer_structure_id=None, buyer__iexact=name)
    if not meetings.exists() and not contracts.exists():
        raise Http404
    return _buyer_page(request, name, meetings, contracts, False)
