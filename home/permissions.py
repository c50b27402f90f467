"""What each editor group may do with the public site's settings (core.permissions collects it)."""

from core.permissions import MODERATORS

GROUP_PERMISSIONS = {
    MODERATORS: [
        "home.change_contactsettings",
        "home.change_navigationsettings",
    ],
}
