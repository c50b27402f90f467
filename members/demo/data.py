"""The demo network's texts, French and English."""

PAGE = {
    "title": "Ressources du réseau",
    "slug": "ressources-du-reseau",
    "intro": "Les documents de travail des facilitateurs : trames, comptes rendus, méthodes.",
    "body": (
        "<p>Cette page est réservée aux membres du réseau des facilitateurs de l'Hérault. Elle "
        "rassemble les trames de suivi des heures d'insertion et les comptes rendus des réunions "
        "de coordination.</p>"
    ),
}
PAGE_EN = {
    "title": "Network resources",
    "intro": "The facilitators' working documents: templates, minutes, methods.",
    "body": (
        "<p>This page is for the members of the Hérault facilitators' network only. It gathers "
        "the templates for tracking insertion hours and the minutes of coordination meetings.</p>"
    ),
}
COLLECTION = "Espace réseau"
DOCUMENT_TITLE = "Trame de suivi des heures d'insertion (réseau)"
DOCUMENT_LINES = [
    "Trame de suivi des heures d'insertion, par marché et par territoire.",
    "Réservée aux facilitateurs du réseau de l'Hérault.",
]
# username, email, first name, last name, role
MEMBERS = [
    ("membre-reseau", "membre-reseau@example.org", "Louise", "Réseau", "network"),
    ("facilitatrice", "facilitatrice@example.org", "Fanny", "Facilitatrice", "facilitator"),
    ("coordination", "coordination@example.org", "Claire", "Coordination", "coordination"),
]

CONTRACT = {
    "title": "Nettoyage des bâtiments de l'État dans l'Hérault",
    "buyer": "Préfecture de l'Hérault",
    "lots": "Lot 1 : Montpellier et sa métropole\nLot 2 : reste du département",
    "status": "running",
}

# Meetings of the demo facilitator with buyers of the watch's demo (their names as the watch writes
# them), dated from today: one with a follow-up still to come, one done.
MEETINGS = [
    {
        "buyer": "Commune de Lodève (exemple)",
        "days_ago": 40,
        "kind": "individual",
        "topics": (
            "Avis au-dessus des seuils européens publiés sans considération sociale\u00a0: présentation "
            "de la clause d'insertion et de l'obligation du 22\u00a0août 2026."
        ),
        "outcome": "La commune envisage une clause d'insertion dans son prochain marché de travaux.",
        "follow_up_in_days": 5,
    },
    {
        "buyer": "Hérault Habitat (exemple)",
        "days_ago": 120,
        "kind": "collective",
        "topics": "Réunion des bailleurs sociaux\u00a0: suivi des heures d'insertion des chantiers de réhabilitation.",
        "outcome": "Tableau de suivi partagé chaque trimestre avec le facilitateur.",
        "follow_up_in_days": None,
    },
]
