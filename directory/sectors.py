"""The sectors of activity the directory starts with (editors may add others): the trades social
clauses and reserved contracts most often call on."""

SECTORS = [
    ("batiment", "Bâtiment et second œuvre", "Building and finishing work"),
    ("travaux-publics", "Travaux publics et voirie", "Public works and roads"),
    ("espaces-verts", "Espaces verts et environnement", "Green spaces and environment"),
    ("proprete", "Propreté et nettoyage", "Cleaning"),
    ("restauration", "Restauration collective", "Catering"),
    ("logistique", "Logistique, manutention et déménagement", "Logistics, handling and removals"),
    ("recyclage", "Collecte, tri et recyclage", "Collection, sorting and recycling"),
    ("blanchisserie", "Blanchisserie et textile", "Laundry and textiles"),
    ("services-personne", "Services à la personne", "Personal services"),
    ("numerique", "Numérique et saisie de données", "Digital services and data entry"),
    ("impression", "Impression, reprographie et routage", "Printing and mailing"),
    ("transport", "Transport de personnes", "Passenger transport"),
    ("entretien-batiments", "Maintenance et entretien des bâtiments", "Building maintenance"),
    ("accueil", "Accueil, gardiennage et sécurité", "Reception and security"),
    ("emploi", "Emploi, insertion et formation", "Employment, integration and training"),
]
