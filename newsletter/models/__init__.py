"""The newsletter's models: subscribers and their consents (shared with other apps' email alerts),
the newsletter pages, and the send ledger."""

from .pages import NewsletterIndexPage, NewsletterPage
from .sending import CampaignSend, Delivery
from .subscribers import (
    LEGACY_AUDIENCES,
    Audience,
    AudienceKey,
    Consent,
    ConsentSource,
    Purpose,
    Subscriber,
    Suppression,
    SuppressionReason,
    email_hash,
    legacy_email_hash,
    normalise_email,
)

__all__ = [
    "Audience",
    "AudienceKey",
    "LEGACY_AUDIENCES",
    "CampaignSend",
    "Consent",
    "ConsentSource",
    "Delivery",
    "NewsletterIndexPage",
    "NewsletterPage",
    "Purpose",
    "Subscriber",
    "Suppression",
    "SuppressionReason",
    "email_hash",
    "legacy_email_hash",
    "normalise_email",
]
