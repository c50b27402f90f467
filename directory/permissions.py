"""What each editor group may do with the directory (core.permissions collects it)."""

from core.permissions import EDITORS, MODERATORS

GROUP_PERMISSIONS = {
    # Editors keep the entries up to date and import them; moderators also delete entries and
    # maintain the sectors and the reference territories.
    EDITORS: [
        "directory.add_actor",
        "directory.change_actor",
        "directory.view_actor",
        "directory.view_sector",
        "directory.view_commune",
        "directory.view_epci",
    ],
    MODERATORS: [
        "directory.delete_actor",
        "directory.add_sector",
        "directory.change_sector",
        "directory.delete_sector",
    ],
}
