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
