from .choices import BuyerKind, ClauseType, Sector, Status
from .operations import Operation
from .pages import ObservatoryPage

__all__ = ["BuyerKind", "ClauseType", "ObservatoryPage", "Operation", "Sector", "Status"]
