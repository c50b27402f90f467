from .alerts import WatchAlert
from .contracts import BuyerKind, Contract, DecpImportRun
from .followups import NoticeAssignment, NoticeFollow, NoticeNote
from .notices import (
    ConsiderationKind,
    ContractKind,
    DetectionRule,
    ImportedWindow,
    ImportRun,
    Notice,
    NoticeEvent,
    NoticeState,
    SourceFormat,
)

# Last: the page's routes import the views, which read the models above through their modules.
from .pages import WatchPage  # isort: skip

__all__ = [
    "BuyerKind",
    "Contract",
    "DecpImportRun",
    "ConsiderationKind",
    "ContractKind",
    "DetectionRule",
    "ImportRun",
    "ImportedWindow",
    "Notice",
    "NoticeAssignment",
    "NoticeFollow",
    "NoticeNote",
    "NoticeEvent",
    "NoticeState",
    "SourceFormat",
    "WatchAlert",
    "WatchPage",
]
