"""For the mission's facilitators (editors and moderators, logged in to the admin): "les acheteurs à
rencontrer", the buyers whose notices of the last 12 months above the EU thresholds carry no social
consideration, with their counts, exportable to CSV."""

import csv
import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from .models import Notice

PERIOD_DAYS = 365


def buyers_to_meet(today=None):
    """[{buyer_name, buyer_siret, missing, above, total, last}] over the last 12 months, the buyers
    with most notices lacking a consideration first."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=PERIOD_DAYS)
    rows = (
        Notice.objects.filter(published_on__gte=since)
        .exclude(buyer_name="")
        .values("buyer_name")
        .annotate(
            missing=Count("pk", filter=Q(lacks_required_consideration=True)),
            above=Count("pk", filter=Q(above_eu_threshold=True)),
            total=Count("pk"),
            last=Max("published_on", filter=Q(lacks_required_consideration=True)),
            buyer_siret=Max("buyer_siret"),
        )
        .filter(missing__gt=0)
        .order_by("-missing", "buyer_name")
    )
    return list(rows)


@require_GET
def buyers_view(request):
    if not request.user.has_perm("tenders.view_notice"):
        raise PermissionDenied
    rows = buyers_to_meet()
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="acheteurs-a-rencontrer.csv"'
        response.write("\ufeff")  # so that spreadsheet programs read UTF-8
        writer = csv.writer(response, delimiter=";")
        writer.writerow(
            [
                "acheteur",
                "siret",
                "avis_sans_consideration_sociale",
                "avis_au_dessus_des_seuils",
                "avis_12_mois",
                "dernier_avis_sans_consideration",
            ]
        )
        for row in rows:
            writer.writerow(
                [
                    row["buyer_name"],
                    row["buyer_siret"],
                    row["missing"],
                    row["above"],
                    row["total"],
                    row["last"].isoformat() if row["last"] else "",
                ]
            )
        return response
    missing = Notice.objects.filter(
        lacks_required_consideration=True,
        published_on__gte=timezone.localdate() - datetime.timedelta(days=PERIOD_DAYS),
    ).order_by("buyer_name", "-published_on")
    by_buyer = {}
    for notice in missing.only("idweb", "title", "buyer_name", "published_on", "pk"):
        by_buyer.setdefault(notice.buyer_name, []).append(notice)
    for row in rows:
        row["notices"] = by_buyer.get(row["buyer_name"], [])
    return TemplateResponse(request, "tenders/admin/buyers.html", {"rows": rows})
