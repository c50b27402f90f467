"""What each editor group may do with the agenda (core.permissions collects it). Event pages are
pages: the groups' page rights apply. Registrations hold personal data: moderators only."""

from core.permissions import EDITORS, MODERATORS

GROUP_PERMISSIONS = {
    EDITORS: [],
    MODERATORS: [
        "events.view_registration",
        "events.change_registration",
        "events.delete_registration",
    ],
}
