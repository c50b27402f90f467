"""What each editor group may do with the newsletter (core.permissions collects it): only moderators
see subscribers' personal data and send to them."""

from core.permissions import MODERATORS

GROUP_PERMISSIONS = {
    MODERATORS: [
        "newsletter.view_subscriber",
        "newsletter.add_subscriber",
        "newsletter.change_subscriber",
        "newsletter.delete_subscriber",
        "newsletter.view_consent",
        "newsletter.view_suppression",
        "newsletter.add_suppression",
        "newsletter.view_audience",
        "newsletter.add_audience",
        "newsletter.change_audience",
        "newsletter.view_campaignsend",
        "newsletter.add_campaignsend",
        "newsletter.change_campaignsend",
        "newsletter.view_delivery",
    ],
}
