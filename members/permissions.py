"""What each group may do with the network's accounts (core.permissions collects it).

Members are not editors: the network's groups get no admin right. Invitations and member profiles
hold personal data (names, email addresses): the moderators only, in the Django admin sense; the
coordination team manages members from the network's space itself (members.access.can_invite)."""

from core.network import COORDINATION, FACILITATORS, NETWORK
from core.permissions import MODERATORS

GROUP_PERMISSIONS = {
    NETWORK: [],
    FACILITATORS: [],
    COORDINATION: [
        "members.view_member",
        "members.add_invitation",
        "members.view_invitation",
    ],
    MODERATORS: [
        "members.view_member",
        "members.add_invitation",
        "members.view_invitation",
    ],
}
