"""The demo watch's texts: the page in French and English, and example notices of Hérault buyers
(fictitious, marked as examples), one or more per detection reason and per kind of contract."""

PAGE = {
    "title": "Veille des marchés publics",
    "slug": "veille-marches",
    "intro": (
        "Les avis de marché publiés au BOAMP pour l'Hérault : ceux qui comportent une clause sociale "
        "ou un lot réservé, et ceux qui auraient dû en comporter une."
    ),
}

PAGE_EN = {
    "title": "Public procurement watch",
    "slug": "procurement-watch",
    "intro": (
        "The contract notices published in the BOAMP for the Hérault: those with a social clause or "
        "a reserved lot, and those that should have had one."
    ),
}

BUYERS = {
    "metropole": ("Montpellier Méditerranée Métropole (exemple)", "24340001700013"),
    "departement": ("Département de l'Hérault (exemple)", "22340001700014"),
    "beziers": ("Ville de Béziers (exemple)", "21340032400011"),
    "sete": ("Sète Agglopôle Méditerranée (exemple)", "20004123100015"),
    "lunel": ("Commune de Lunel (exemple)", "21340145100016"),
    "chu": ("CHU de Montpellier (exemple)", "26340001000016"),
    "habitat": ("Hérault Habitat (exemple)", "27340002500019"),
    "lodeve": ("Commune de Lodève (exemple)", "21340142300011"),
}

# (buyer, title, kind, estimated value, cpv, what the notice says of social considerations,
# days since publication, European publication)
# The "social" value picks the wording of tenders.demo.SOCIAL_TEXTS.
NOTICES = [
    ("metropole", "Entretien des espaces verts des parcs de la Métropole", "SERVICES", "450000", "77310000", "insertion", 3, True),
    ("metropole", "Collecte des encombrants et des déchets verts", "SERVICES", "2400000", "90511000", "insertion-award", 6, True),
    ("departement", "Nettoyage des collèges du secteur ouest", "SERVICES", "600000", "90910000", "reserved-lot", 2, True),
    ("departement", "Travaux de réfection des routes départementales", "TRAVAUX", "7800000", "45233142", "none", 4, True),
    ("departement", "Fourniture de mobilier scolaire", "FOURNITURES", "350000", "39160000", "none", 12, True),
    ("beziers", "Restauration scolaire et portage de repas", "SERVICES", "1200000", "55523100", "facet", 5, True),
    ("beziers", "Rénovation énergétique du groupe scolaire Jean-Moulin", "TRAVAUX", "3100000", "45453000", "insertion", 9, False),
    ("beziers", "Location et maintenance de photocopieurs", "FOURNITURES", "260000", "30121100", "none", 15, True),
    ("sete", "Entretien des plages et du littoral", "SERVICES", "380000", "90680000", "reserved-article", 1, True),
    ("sete", "Maintenance de l'éclairage public", "SERVICES", "520000", "50232100", "none", 20, True),
    ("lunel", "Blanchisserie des équipements municipaux", "SERVICES", "90000", "98310000", "reserved-article", 7, False),
    ("lunel", "Aménagement du parc urbain", "TRAVAUX", "900000", "45112710", "insertion", 11, False),
    ("chu", "Fourniture de produits d'entretien et d'hygiène", "FOURNITURES", "320000", "39830000", "none", 8, True),
    ("chu", "Gestion des déchets d'activités de soins", "SERVICES", "750000", "90524000", "award", 14, True),
    ("habitat", "Travaux de réhabilitation de 120 logements à Agde", "TRAVAUX", "5600000", "45453100", "insertion", 10, True),
    ("habitat", "Entretien des parties communes", "SERVICES", "240000", "90911200", "none", 25, True),
    ("lodeve", "Fourniture de repas en liaison froide", "SERVICES", "80000", "55521200", "award", 18, False),
    ("lodeve", "Réfection de la toiture de la médiathèque", "TRAVAUX", "180000", "45261000", "none", 30, False),
    ("metropole", "Prestations de reprographie et d'impression", "SERVICES", "150000", "79810000", "reserved-lot", 40, True),
    ("departement", "Accompagnement des bénéficiaires du RSA vers l'emploi", "SERVICES", "1500000", "85312320", "strategic", 16, True),
]
