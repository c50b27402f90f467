"""What each editor group may do with the procurement watch (core.permissions collects it)."""

from core.permissions import EDITORS, MODERATORS

GROUP_PERMISSIONS = {
    # Editors follow the imports and read the notices; moderators also adjust the detection rules
    # (which re-qualify every notice at the next import) and remove demo notices.
    EDITORS: [
        "tenders.view_notice",
        "tenders.change_notice",
        "tenders.view_importrun",
        "tenders.view_detectionrule",
        "tenders.view_contract",
        "tenders.view_decpimportrun",
    ],
    MODERATORS: [
        "tenders.delete_notice",
        "tenders.add_detectionrule",
        "tenders.change_detectionrule",
        "tenders.delete_detectionrule",
    ],
}
