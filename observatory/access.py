"""Who may see and change which operations, through core.network (the observatory does not import
members/).

- Whoever may approve (editors, moderators, superusers: `observatory.approve_operation`) sees and
  changes every operation, and is the only one to approve.
- A facilitator (any other person with the model's rights) sees and changes only the operations of
  the territories their membership covers (an EPCI covers its communes; the coordination team covers
  all), never an approved one; with no membership, nothing.
"""

from django.db.models import Q

from core import network, reference

from .models.choices import Status
from .models.operations import Operation

APPROVE = "observatory.approve_operation"


def can_approve(user):
    return bool(user and user.is_active and user.has_perm(APPROVE))


def covered_codes(user):
    """None for every territory, else the set of codes the person covers (communes included)."""
    if can_approve(user) or network.is_coordination(user):
        return None
    codes = set(network.territory_codes(user))
    for code in list(codes):
        codes |= set(reference.communes_of(code))
    return codes


def visible_operations(user, queryset=None):
    queryset = Operation.objects.all() if queryset is None else queryset
    codes = covered_codes(user)
    if codes is None:
        return queryset
    return queryset.filter(territory_code__in=codes)


def changeable_operations(user, queryset=None):
    queryset = visible_operations(user, queryset)
    if can_approve(user):
        return queryset
    return queryset.filter(~Q(status=Status.APPROVED))


def may_change(user, operation):
    if can_approve(user):
        return True
    codes = covered_codes(user)
    return operation.status != Status.APPROVED and (
        codes is None or operation.territory_code in codes
    )


def may_see(user, operation):
    codes = covered_codes(user)
    return codes is None or operation.territory_code in codes


def own_facilitator_ids(user):
    """The facilitator structures a person may report for: all for an approver or the coordination,
    else their own structure."""
    if covered_codes(user) is None:
        return None
    found = network.membership(user)
    return {found.structure_id} if found and found.structure_id else set()
