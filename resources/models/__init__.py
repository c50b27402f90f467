from .alerts import AlertFrequency, SearchAlert
from .documents import DocumentText, ExtractionStatus
from .pages import ResourceAttachment, ResourceIndexPage, ResourceKind, ResourcePage
from .snippets import Audience, LegalReference, Theme

__all__ = [
    "AlertFrequency",
    "SearchAlert",
    "Audience",
    "DocumentText",
    "ExtractionStatus",
    "LegalReference",
    "ResourceAttachment",
    "ResourceIndexPage",
    "ResourceKind",
    "ResourcePage",
    "Theme",
]
