"""The procurement watch's public surface for the observatory: the yearly shares of the Hérault
buyers' notified contracts (DECP) that carry a social consideration. Registered in core.indicators
(`tenders.social-considerations`) by TendersConfig.ready(); the observatory reads it there and
never imports this app. Another app may call `social_consideration_shares` only through that
registry (import-linter keeps the apps apart)."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from .models.contracts import BuyerKind, Contract

INDICATOR_KEY = "tenders.social-considerations"
INDICATOR_LABEL = _("Marchés notifiés des acheteurs de l'Hérault avec une considération sociale")


def social_consideration_shares(year: int | None = None) -> list[dict]:
    """One row per (year, kind of buyer, CPV division) of the notified contracts, `year` alone when
    given, ordered by year, kind of buyer and division:

    - `year` (int), `buyer_kind` (a BuyerKind value) and `buyer_kind_label` (its French name),
      `cpv_division` (the CPV code's first two digits, "" when the contract gives none);
    - `contracts`: the contracts notified; `with_social_consideration`: those declaring any social
      consideration; `social_clause`, `social_criterion`, `reserved`: those declaring each kind (a
      contract may declare several);
    - `share`: with_social_consideration / contracts, a float between 0 and 1.

    One SQL query whatever the number of contracts."""
    contracts = Contract.objects.all()
    if year is not None:
        contracts = contracts.filter(year=year)
    groups = (
        contracts.values("year", "buyer_kind", "cpv_division")
        .annotate(
            contracts=Count("pk"),
            with_social_consideration=Count("pk", filter=Q(has_social_consideration=True)),
            social_clause=Count("pk", filter=Q(has_social_clause=True)),
            social_criterion=Count("pk", filter=Q(has_social_criterion=True)),
            reserved=Count("pk", filter=Q(is_reserved=True)),
        )
        .order_by("year", "buyer_kind", "cpv_division")
    )
    labels = dict(BuyerKind.choices)
    return [
        {
            "year": group["year"],
            "buyer_kind": group["buyer_kind"],
            "buyer_kind_label": str(labels.get(group["buyer_kind"], group["buyer_kind"])),
            "cpv_division": group["cpv_division"],
            "contracts": group["contracts"],
            "with_social_consideration": group["with_social_consideration"],
            "social_clause": group["social_clause"],
            "social_criterion": group["social_criterion"],
            "reserved": group["reserved"],
            "share": group["with_social_consideration"] / group["contracts"],
        }
        for group in groups
    ]
