"""What each editor group may do with the resource hub (core.permissions collects it)."""

from core.permissions import EDITORS, MODERATORS

GROUP_PERMISSIONS = {
    # Editors maintain the taxonomies and see how attached documents were read.
    EDITORS: [
        "resources.add_theme",
        "resources.change_theme",
        "resources.view_theme",
        "resources.add_audience",
        "resources.change_audience",
        "resources.view_audience",
        "resources.add_legalreference",
        "resources.change_legalreference",
        "resources.view_legalreference",
        "resources.view_documenttext",
    ],
    MODERATORS: [
        "resources.delete_theme",
        "resources.delete_audience",
        "resources.delete_legalreference",
        "resources.view_searchalert",
        "resources.delete_searchalert",
    ],
}
