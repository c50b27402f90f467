"""The demo hub's content: taxonomies and 42 resources drawn from the legal framework of social clauses
(Code de la commande publique, loi Climat et résilience, directive 2014/24/UE, PNAD). Used by
resources/demo.py; plain data. The resources are in French, one module a kind; their English texts
are in `en`, keyed by slug (the taxonomies carry their English names)."""

from .documentary_watch import DOCUMENTARY_WATCH
from .guides import GUIDES
from .legal_watch import LEGAL_WATCH
from .model_clauses import MODEL_CLAUSES
from .reference_documents import REFERENCE_DOCUMENTS
from .taxonomies import (
    AUDIENCES,
    CLAUSE,
    DOC,
    GUIDE,
    LEGAL,
    LEGAL_REFERENCES,
    LEGIFRANCE,
    REF,
    THEMES,
)

__all__ = [
    "AUDIENCES",
    "CLAUSE",
    "DOC",
    "GUIDE",
    "LEGAL",
    "LEGAL_REFERENCES",
    "LEGIFRANCE",
    "REF",
    "RESOURCES",
    "THEMES",
]

# (slug, kind, date, title, summary, [paragraphs], themes, audiences, references, source, pdf lines),
# in the order the demo builds them.
RESOURCES = [*LEGAL_WATCH, *DOCUMENTARY_WATCH, *GUIDES, *MODEL_CLAUSES, *REFERENCE_DOCUMENTS]
