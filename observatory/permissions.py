"""What each group may do with the observatory (core.permissions collects it).

Facilitators enter and import the figures of their own territories in the admin (the territory
rule is `observatory.access`); editors check and approve each year's figures; moderators also
delete them."""

from core.network import FACILITATORS
from core.permissions import EDITORS, MODERATORS

GROUP_PERMISSIONS = {
    FACILITATORS: [
        "wagtailadmin.access_admin",
        "observatory.view_operation",
        "observatory.add_operation",
        "observatory.change_operation",
    ],
    EDITORS: [
        "observatory.view_operation",
        "observatory.add_operation",
        "observatory.change_operation",
        "observatory.approve_operation",
    ],
    MODERATORS: ["observatory.delete_operation"],
}
