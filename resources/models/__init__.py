from .alerts import SearchAlert
from .documents import DocumentText, ExtractionStatus
from .hub import ResourceIndexPage
from .pages import ResourceAttachment, ResourceKind, ResourcePage
from .snippets import Audience, LegalReference, Theme

__all__ = [
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
