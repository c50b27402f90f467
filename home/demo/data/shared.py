"""Facts several demo pages share, and the site-wide settings the demo sets: contact details, menus,
the brochure's two axes and its quote.
"""

NBSP = "\u00a0"

ADDRESS_FR = "59 avenue de Fès, Henri Bertin Sans (bâtiment C), 34080 Montpellier"
PHONE = "04 99 13 76 84"
EMAIL = "contact@clausesociale34.fr"

CONTACT_SETTINGS = {
    "organisation": "Mission Interinstitutionnelle Clause Sociale 34",
    "host_organisation": "APSH 34 — Axe transversal de l'emploi",
    "address": "59 avenue de Fès, Henri Bertin Sans (bâtiment C)\n34080 Montpellier",
    "phone": PHONE,
    "email": EMAIL,
    "eu_cofunded": True,
}

SITE_NAME = "Clause sociale 34"
MAIN_MENU = ["mission", "clauses", "resources", "axes", "contact"]
FOOTER_MENU = ["legal", "accessibility", "privacy"]

# The brochure's two axes, word for word.
AXES = [
    (
        ("Le pôle ressources et coordination", "Resources and coordination"),
        [
            (
                "Animation du réseau départemental des facilitateurs",
                "Running the county-wide network of facilitators",
            ),
            (
                "Organisation de réunions de coordination et de réunions techniques",
                "Organising coordination meetings and technical meetings",
            ),
            ("Constitution d'un observatoire statistique", "Building a statistical observatory"),
            ("Veille documentaire et juridique", "Documentary and legal watch"),
            ("Veille des marchés publics", "Public procurement watch"),
            (
                "Coordination des marchés multi-territoriaux et des marchés État",
                "Coordinating multi-territory contracts and State contracts",
            ),
        ],
    ),
    (
        ("La promotion", "Promotion"),
        [
            (
                "Rencontres individuelles et collectives des donneurs d'ordres publics",
                "One-to-one and group meetings with public contracting authorities",
            ),
            (
                "Organisation et participation à des événements de promotion des clauses sociales",
                "Organising and taking part in events that promote social clauses",
            ),
            (
                "Création d'outils de communication : site Internet, pages Facebook et LinkedIn, "
                "dépliants, annuaire, lettres d'information",
                "Creating communication tools: website, Facebook and LinkedIn pages, leaflets, "
                "directory, newsletters",
            ),
            (
                "Animation du réseau des acteurs de clauses sociales",
                "Running the network of social clause stakeholders",
            ),
        ],
    ),
]

BROCHURE_QUOTE = (
    "L'utilisation des clauses sociales comme levier pour l'insertion doit devenir une priorité "
    "pour améliorer la cohésion sociale de nos territoires.",
    "Using social clauses as a lever for inclusion into work must become a priority to "
    "strengthen the social cohesion of our territories.",
)
