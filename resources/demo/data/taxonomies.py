"""The demo hub's taxonomies (themes, audiences: slug, French name, English name), its legal references
(slug, name, link) and the kinds of resource."""

THEMES = [
    ("clause-insertion", "Clause d'insertion", "Work integration clause"),
    ("marches-reserves", "Marchés réservés", "Reserved contracts"),
    ("criteres-attribution", "Critères d'attribution", "Award criteria"),
    ("spaser", "SPASER et stratégie d'achat", "SPASER and purchasing strategy"),
    ("obligation-2026", "Obligation sociale de 2026", "2026 social obligation"),
    ("btp", "Bâtiment et travaux publics", "Building and public works"),
    ("handicap", "Handicap et emploi", "Disability and employment"),
    ("suivi-evaluation", "Suivi et évaluation", "Monitoring and evaluation"),
    ("droit-europeen", "Droit européen", "EU law"),
]

AUDIENCES = [
    ("acheteurs", "Acheteurs publics", "Public buyers"),
    ("facilitateurs", "Facilitateurs", "Facilitators"),
    ("entreprises", "Entreprises", "Companies"),
    ("siae", "Structures d'insertion (SIAE)", "Work integration enterprises (SIAE)"),
    ("elus", "Élus", "Elected officials"),
]

LEGIFRANCE = "https://www.legifrance.gouv.fr/codes/article_lc/"
LEGAL_REFERENCES = [
    ("ccp-l2111-3", "CCP L2111-3", LEGIFRANCE + "LEGIARTI000037730627"),
    ("ccp-l2112-2", "CCP L2112-2", LEGIFRANCE + "LEGIARTI000037730611"),
    ("ccp-l2113-12", "CCP L2113-12", LEGIFRANCE + "LEGIARTI000037730585"),
    ("ccp-l2113-13", "CCP L2113-13", LEGIFRANCE + "LEGIARTI000037730583"),
    ("ccp-l2113-14", "CCP L2113-14", LEGIFRANCE + "LEGIARTI000042658268"),
    ("ccp-l2152-7", "CCP L2152-7", LEGIFRANCE + "LEGIARTI000037730353"),
    ("ccp-r2152-7", "CCP R2152-7", LEGIFRANCE + "LEGIARTI000037723439"),
    (
        "loi-2021-1104-art-35",
        "Loi 2021-1104 art. 35",
        "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000043956924",
    ),
    (
        "directive-2014-24-ue",
        "Directive 2014/24/UE",
        "https://eur-lex.europa.eu/eli/dir/2014/24/oj",
    ),
    ("pnad-2022-2025", "PNAD 2022-2025", ""),
]

LEGAL, DOC, GUIDE, CLAUSE, REF = (
    "legal_watch",
    "documentary_watch",
    "guide",
    "model_clause",
    "reference_document",
)
