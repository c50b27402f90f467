"""The English translations of the demo hub (resources/demo_data/), keyed by the French resource's
slug: title, summary and body paragraphs, one English paragraph per French one. Used by
resources/demo.py to write wagtail-localize translations; plain data.

Terms: "marché réservé" is a reserved contract, "clause sociale" a social clause, "clause
d'insertion" a work integration clause, the Code de la commande publique the Public Procurement Code
(CCP). French acronyms (SIAE, EA, ESAT, SPASER, PNAD...) are kept, explained where the French explains
them."""

from .documentary_watch import DOCUMENTARY_WATCH
from .guides import GUIDES
from .legal_watch import LEGAL_WATCH
from .model_clauses import MODEL_CLAUSES
from .reference_documents import REFERENCE_DOCUMENTS

HUB = {
    "title": "Resource centre",
    "slug": "resources",
    "intro": (
        "Legal and documentary watch, guides and model clauses: everything the mission publishes to "
        "help public buyers include social clauses in their contracts."
    ),
}

# The English names of the legal references whose French name has French words (the others, such
# as "CCP L2113-12", are the same in both languages).
LEGAL_REFERENCE_NAMES = {
    "loi-2021-1104-art-35": "Act 2021-1104, Art. 35",
    "directive-2014-24-ue": "Directive 2014/24/EU",
}

# The French source labels, in English (names of institutions stay as they are known).
SOURCE_LABELS = {
    "Légifrance": "Légifrance",
    "Conseil d'État": "Conseil d'État (French Council of State)",
    "EUR-Lex": "EUR-Lex",
    "Journal officiel": "Official Journal of the French Republic",
    "Curia": "Curia",
    "Ministère de la transition écologique": "Ministry for the Ecological Transition",
    "CESE": "CESE (Economic, Social and Environmental Council)",
}

# Keyed by the French resource's slug, in the French order.
RESOURCES = {
    **LEGAL_WATCH,
    **DOCUMENTARY_WATCH,
    **GUIDES,
    **MODEL_CLAUSES,
    **REFERENCE_DOCUMENTS,
}
