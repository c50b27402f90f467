""" "Les acheteurs à rencontrer": the buyers whose notices of the last 12 months above the EU
thresholds carry no social consideration, grouped by buyer with their counts, for a territory of
the Hérault or all of them; shown to the network's members (tenders.views) and to editors in the
admin (tenders.admin_views), exported to CSV.

A notice counts when it is above the EU thresholds (tenders.analysis), carries no social
consideration of any kind and was not cancelled; among them, those published since 22 August 2026
lacked a consideration the law required (loi Climat et résilience, art. 35)."""

import csv
import datetime
import io

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models.notices import Notice, NoticeState

PERIOD_DAYS = 365
NOTICES_SHOWN = 5

WITHOUT_CONSIDERATION = Q(above_eu_threshold=True, has_social_consideration=False) & ~Q(
    state=NoticeState.CANCELLED
)

CSV_COLUMNS = [
    ("buyer_name", _("Acheteur")),
    ("buyer_siret", _("SIRET")),
    ("missing", _("Avis sans considération sociale")),
    ("required", _("Dont considération obligatoire")),
    ("above", _("Avis au-dessus des seuils")),
    ("total", _("Avis sur 12 mois")),
    ("last", _("Dernier avis sans considération")),
]


def period_start(today=None):
    return (today or timezone.localdate()) - datetime.timedelta(days=PERIOD_DAYS)


def buyers_to_meet(where=None, today=None, with_notices=False):
    """[{buyer_name, buyer_siret, missing, required, above, total, last}] over the last 12 months
    for the notices of `where` (a Q, tenders.territories; None: every notice), the buyers with
    most notices without a consideration first. With `with_notices`, each row also has
    `notices`: its latest notices without one (NOTICES_SHOWN at most) and `more`, how many are
    left out."""
    notices = Notice.objects.filter(published_on__gte=period_start(today)).exclude(buyer_name="")
    if where is not None:
        notices = notices.filter(where)
    rows = list(
        notices.order_by()
        .values("buyer_name")
        .annotate(
            missing=Count("pk", filter=WITHOUT_CONSIDERATION),
            required=Count(
                "pk", filter=WITHOUT_CONSIDERATION & Q(lacks_required_consideration=True)
            ),
            above=Count("pk", filter=Q(above_eu_threshold=True)),
            total=Count("pk"),
            last=Max("published_on", filter=WITHOUT_CONSIDERATION),
            buyer_siret=Max("buyer_siret"),
        )
        .filter(missing__gt=0)
        .order_by("-missing", "buyer_name")
    )
    if with_notices:
        by_buyer = {}
        listed = (
            notices.filter(WITHOUT_CONSIDERATION)
            .order_by("buyer_name", "-published_on", "-pk")
            .only("idweb", "title", "buyer_name", "published_on", "lacks_required_consideration")
        )
        for notice in listed:
            by_buyer.setdefault(notice.buyer_name, []).append(notice)
        for row in rows:
            found = by_buyer.get(row["buyer_name"], [])
            row["notices"], row["more"] = found[:NOTICES_SHOWN], max(len(found) - NOTICES_SHOWN, 0)
    return rows


def safe_cell(value):
    """A cell a spreadsheet will not run as a formula (=, +, -, @, tab, carriage return)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def buyers_csv(rows):
    """The rows as a CSV file for spreadsheets: UTF-8 with BOM, semicolons, formulas neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([str(label) for _name, label in CSV_COLUMNS])
    for row in rows:
        values = [row[name] for name, _label in CSV_COLUMNS]
        values[-1] = values[-1].isoformat() if values[-1] else ""
        writer.writerow([safe_cell(value) for value in values])
    return "\ufeff" + buffer.getvalue()
