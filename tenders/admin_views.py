"""For the mission's editors and moderators, logged in to the admin: "les acheteurs à rencontrer"
of the whole département (tenders.buyers), exportable to CSV; the network's members have theirs,
by territory, on the watch (tenders.views.buyers_to_meet)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from .buyers import buyers_csv, buyers_to_meet


@require_GET
def buyers_view(request):
    if not request.user.has_perm("tenders.view_notice"):
        raise PermissionDenied
    rows = buyers_to_meet(with_notices=True)
    if request.GET.get("format") == "csv":
        response = HttpResponse(buyers_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="acheteurs-a-rencontrer.csv"'
        return response
    return TemplateResponse(request, "tenders/admin/buyers.html", {"rows": rows})
