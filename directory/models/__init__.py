from .actors import (
    DATA_INCLUSION_KINDS,
    DISABILITY_KINDS,
    HERAULT_BOUNDS,
    PRESCRIBER_KINDS,
    RESERVED_KINDS,
    SERVICE_FIELDS,
    SIAE_KINDS,
    Actor,
    ActorKind,
    Contact,
    ReservedContract,
    Sector,
    ServiceType,
    coordinates_error,
    validate_siret,
)
from .corrections import CORRECTABLE_FIELDS, CorrectionProposal
from .territories import EPCI, Commune, territory_key

# Last: the page's routes import the views, which read the models above through their modules.
from .pages import DirectoryPage  # isort: skip

__all__ = [
    "CORRECTABLE_FIELDS",
    "CorrectionProposal",
    "DATA_INCLUSION_KINDS",
    "DISABILITY_KINDS",
    "EPCI",
    "HERAULT_BOUNDS",
    "PRESCRIBER_KINDS",
    "RESERVED_KINDS",
    "SERVICE_FIELDS",
    "SIAE_KINDS",
    "Actor",
    "ActorKind",
    "Commune",
    "Contact",
    "DirectoryPage",
    "ReservedContract",
    "Sector",
    "ServiceType",
    "coordinates_error",
    "territory_key",
    "validate_siret",
]
