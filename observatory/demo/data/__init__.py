"""The demo observatory's texts, French and English, and the yearly totals of the demonstration
figures: 2016 and 2017 as the mission published them, the other years plausible but fictitious."""

PAGE = {
    # A short title for the main menu; the long one names the page in search engines and tabs.
    "title": "Observatoire",
    "seo_title": "Observatoire des clauses sociales",
    "slug": "observatoire",
    "intro": (
        "Ce que les clauses sociales des marchés publics de l'Hérault apportent, année après année : "
        "les heures d'insertion réalisées et les personnes qui en ont bénéficié, d'après les "
        "chiffres des facilitateurs validés par la mission."
    ),
    "methodology": (
        "<p>Les chiffres sont déclarés par les facilitateurs de clauses sociales du département, "
        "opération par opération, puis vérifiés et validés par la MICS 34.</p>"
    ),
}

PAGE_EN = {
    "title": "Observatory",
    "seo_title": "Social clauses observatory",
    "slug": "observatory",
    "intro": (
        "What the social clauses of the Hérault's public contracts achieve, year after year: the "
        "integration hours worked and the people who benefited, from the facilitators' figures "
        "approved by the mission."
    ),
    "methodology": (
        "<p>The figures are reported by the département's social clause facilitators, operation by "
        "operation, then checked and approved by MICS 34.</p>"
    ),
}

# Hours achieved per year. 2016 and 2017: the totals the mission published (about 387,000 and
# 370,000 hours), kept exactly; the other years are demonstration figures.
YEAR_TOTALS = {
    2016: 387_000,
    2017: 370_000,
    2018: 392_000,
    2019: 418_000,
    2020: 336_000,
    2021: 401_000,
    2022: 437_000,
    2023: 452_000,
    2024: 468_000,
    2025: 474_000,
}
OPERATIONS_PER_FACILITATOR = 12
FACILITATOR_COUNT = 9
# The year after the last: the first figures of two facilitators, submitted, not yet approved (so
# never on a public page): the workflow at work.
SUBMITTED_FACILITATORS = 2
SUBMITTED_OPERATIONS = 3

OBJECTS = {
    "btp": [
        "Réhabilitation d'un groupe scolaire",
        "Construction d'une médiathèque",
        "Voirie et réseaux du centre-bourg",
        "Rénovation énergétique de logements",
    ],
    "proprete": ["Nettoyage des bâtiments communaux", "Entretien des locaux administratifs"],
    "espaces-verts": ["Entretien des espaces verts", "Débroussaillement des massifs"],
    "services": ["Accueil et médiation dans les transports", "Maintenance des équipements"],
    "dechets": ["Collecte des encombrants", "Tri en déchetterie"],
    "restauration": ["Restauration scolaire"],
    "autre": ["Manutention et logistique d'événements"],
}
