"""The demo hub's reference documents, in French: code extracts, the brochure, the facilitators'
charter, a report template and a glossary."""

from datetime import date as D

from .taxonomies import REF

REFERENCE_DOCUMENTS = [
    (
        "ref-code-commande-publique-extraits",
        REF,
        D(2019, 4, 1),
        "Extraits du code de la commande publique : les articles sociaux",
        "Recueil des articles du code relatifs aux clauses sociales, aux marchés réservés et aux critères sociaux.",
        [
            "Le recueil rassemble les articles L2111-3, L2112-2, L2113-12 à L2113-14, L2152-7 et R2152-7 du code de la commande publique."
        ],
        ["clause-insertion", "marches-reserves", "criteres-attribution"],
        ["acheteurs", "facilitateurs"],
        ["ccp-l2112-2", "ccp-l2113-12", "ccp-l2113-13", "ccp-l2113-14", "ccp-r2152-7"],
        ("Légifrance", "https://www.legifrance.gouv.fr"),
        [
            "Code de la commande publique : articles relatifs aux considérations sociales.",
            "L2112-2 : conditions d'exécution sociales et environnementales.",
            "L2113-12 : marchés réservés aux entreprises adaptées et ESAT.",
            "L2113-13 : marchés réservés aux structures d'insertion.",
            "R2152-7 : critères d'attribution, dont l'insertion professionnelle.",
        ],
    ),
    (
        "ref-plaquette-mics34",
        REF,
        D(2024, 9, 1),
        "Plaquette de la Mission Interinstitutionnelle Clause Sociale 34",
        "La mission, ses deux axes de travail et les contacts de l'équipe.",
        [
            "La plaquette présente le pôle ressources et coordination et le pôle promotion de l'achat socialement responsable."
        ],
        ["clause-insertion"],
        ["acheteurs", "entreprises", "elus"],
        [],
        None,
        [
            "Mission Interinstitutionnelle Clause Sociale 34.",
            "Pôle ressources et coordination : réseau des facilitateurs, observatoire, veille.",
            "Pôle promotion : rencontres avec les donneurs d'ordre, outils de communication.",
        ],
    ),
    (
        "ref-charte-facilitateurs",
        REF,
        D(2020, 1, 27),
        "Charte départementale des facilitateurs de clauses sociales",
        "Les engagements communs des facilitateurs de l'Hérault : accueil des acheteurs, suivi, observatoire.",
        [
            "La charte précise le rôle du facilitateur, interlocuteur unique de l'acheteur et des entreprises pour la mise en œuvre de la clause sociale.",
            "Elle organise le partage des données pour l'observatoire départemental.",
        ],
        ["suivi-evaluation"],
        ["facilitateurs"],
        [],
        None,
        None,
    ),
    (
        "ref-modele-bilan-execution",
        REF,
        D(2025, 11, 4),
        "Modèle de bilan d'exécution d'une clause sociale",
        "Un modèle de bilan de fin de marché : heures réalisées, participants, contrats, sorties.",
        [
            "Le modèle sert aux facilitateurs pour rendre compte à l'acheteur des résultats de la clause."
        ],
        ["suivi-evaluation", "clause-insertion"],
        ["facilitateurs", "acheteurs"],
        [],
        None,
        [
            "Bilan d'exécution de la clause sociale d'insertion.",
            "Heures réalisées et heures prévues, par entreprise titulaire.",
            "Participants : âge, statut, type de contrat, situation à six mois.",
        ],
    ),
    (
        "ref-lexique",
        REF,
        D(2022, 1, 10),
        "Lexique des clauses sociales : SIAE, EA, ESAT, GEIQ, ETTI",
        "Les sigles de l'insertion et du handicap expliqués aux acheteurs publics.",
        [
            "SIAE : structure d'insertion par l'activité économique (EI, ETTI, AI, ACI). EA : entreprise adaptée. ESAT : établissement et service d'aide par le travail. GEIQ : groupement d'employeurs pour l'insertion et la qualification."
        ],
        ["marches-reserves", "handicap"],
        ["acheteurs", "elus"],
        [],
        None,
        None,
    ),
]
