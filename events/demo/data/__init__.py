"""The demo agenda's texts, French and English. Dates are days after the first day of the current
month (negative: before), so that the demo is the same all month long and always has upcoming and
past events."""

from decimal import Decimal

from core.factories import paragraph

AGENDA = {
    "fr": {
        "title": "Agenda",
        "slug": "agenda",
        "intro": (
            "Réunions d'information des acheteurs, réunions du réseau des facilitateurs, "
            "formations et rencontres : les rendez-vous de la mission, ouverts à l'inscription."
        ),
    },
    "en": {
        "title": "Events",
        "slug": "events",
        "intro": (
            "Information meetings for buyers, meetings of the facilitators' network, training "
            "and conferences: the mission's events, open for registration."
        ),
    },
}

MONTPELLIER = {
    "venue": "APSH 34 — Axe transversal de l'emploi, bâtiment C",
    "street_address": "59 avenue de Fès",
    "postal_code": "34080",
    "city": "Montpellier",
    "latitude": Decimal("43.615500"),
    "longitude": Decimal("3.839700"),
}

# slug: (fields, French texts, English texts)
EVENTS = {
    "reunion-technique-facilitateurs": (
        {
            "kind": "technical",
            "day": 40,
            "start_time": (9, 30),
            "end_time": (12, 0),
            "audiences": ["facilitator"],
            "registration_enabled": True,
            "capacity": 25,
            # Monthly, on the 2nd Tuesday, ten times (the demo moves the start to such a day).
            "repeat": "monthly",
            "repeat_weekdays": "TU",
            "repeat_week_of_month": 2,
            "repeat_count": 10,
            **MONTPELLIER,
            "access_info_fr": "Tramway ligne 3, arrêt Celleneuve. Parking visiteurs devant le bâtiment C.",
            "access_info_en": "Tram line 3, Celleneuve stop. Visitors' car park in front of building C.",
            "accessibility_info_fr": "Salle de plain-pied, accessible en fauteuil roulant.",
            "accessibility_info_en": "Ground-floor room, wheelchair accessible.",
        },
        {
            "title": "Réunion technique du réseau des facilitateurs",
            "summary": (
                "Les facilitateurs de l'Hérault mettent en commun les heures d'insertion de "
                "l'année et préparent la coordination des marchés multi-territoriaux."
            ),
            "body": [
                "9 h 30 : accueil et tour de table des territoires.",
                "10 h : bilan des heures d'insertion réalisées, pour l'observatoire départemental.",
                "11 h : marchés de l'État et marchés multi-territoriaux, qui suit quoi.",
            ],
        },
        {
            "title": "Technical meeting of the facilitators' network",
            "summary": (
                "The Hérault's facilitators pool the year's insertion hours and prepare the "
                "coordination of multi-territorial contracts."
            ),
            "body": [
                "9:30: welcome and round of the territories.",
                "10:00: insertion hours achieved, for the departmental observatory.",
                "11:00: State and multi-territorial contracts, who follows what.",
            ],
        },
    ),
    "reunion-information-acheteurs-beziers": (
        {
            "kind": "buyers_meeting",
            "day": 16,
            "start_time": (14, 0),
            "end_time": (16, 30),
            "audiences": ["public_buyer"],
            "registration_enabled": True,
            "capacity": 30,
            "ask_diet": False,
            "venue": "Salle de réunion de la Maison de l'emploi",
            "street_address": "",
            "postal_code": "34500",
            "city": "Béziers",
            "online_url": "https://visio.example.org/mics34-acheteurs",
        },
        {
            "title": "Réunion d'information des acheteurs publics : la clause sociale en pratique",
            "summary": (
                "Pour les acheteurs des communes, des EPCI et des bailleurs sociaux : choisir les "
                "marchés où insérer une clause, la rédiger et en suivre l'exécution avec le "
                "facilitateur du territoire. En salle et en ligne."
            ),
            "body": [
                "Ce que dit le Code de la commande publique : conditions d'exécution (L2112-2), "
                "critères d'attribution (L2152-7), marchés réservés (L2113-12 à L2113-14).",
                "Témoignage d'un acheteur du Biterrois et questions-réponses.",
            ],
        },
        {
            "title": "Information meeting for public buyers: social clauses in practice",
            "summary": (
                "For buyers of municipalities, inter-municipal bodies and social landlords: "
                "choosing the contracts for a clause, writing it and following its execution "
                "with the territory's facilitator. In the room and online."
            ),
            "body": [
                "What the Public Procurement Code says: execution conditions (L2112-2), award "
                "criteria (L2152-7), reserved contracts (L2113-12 to L2113-14).",
                "A buyer from the Béziers area tells their experience; questions and answers.",
            ],
        },
    ),
    "rencontre-achat-socialement-responsable": (
        {
            "kind": "promotion",
            "day": 70,
            "audiences": ["public_buyer", "company", "siae", "facilitator"],
            "registration_enabled": True,
            "capacity": 120,
            "ask_diet": True,
            "partners": "Département de l'Hérault, Montpellier Méditerranée Métropole",
            **MONTPELLIER,
        },
        {
            "title": "Rencontre départementale de l'achat socialement responsable",
            "summary": (
                "Une journée pour les acheteurs publics, les entreprises et les structures "
                "d'insertion de l'Hérault : ateliers, retours d'expérience et rencontres."
            ),
            "body": [
                "Matin : table ronde sur la loi Climat et résilience et les conditions "
                "d'exécution sociales obligatoires au-dessus des seuils européens.",
                "Après-midi : ateliers entre acheteurs, entreprises et SIAE.",
            ],
        },
        {
            "title": "Departmental conference on socially responsible purchasing",
            "summary": (
                "A day for the Hérault's public buyers, companies and work-integration "
                "organisations: workshops, experience sharing and meetings."
            ),
            "body": [
                "Morning: round table on the Climate and Resilience Act and the social "
                "execution conditions required above the EU thresholds.",
                "Afternoon: workshops between buyers, companies and SIAE.",
            ],
        },
    ),
    "webinaire-marches-reserves": (
        {
            "kind": "webinar",
            "day": 23,
            "start_time": (11, 0),
            "end_time": (12, 0),
            "audiences": ["public_buyer", "company"],
            "registration_enabled": True,
            "online_url": "https://visio.example.org/mics34-marches-reserves",
            "venue": "",
            "street_address": "",
            "postal_code": "",
            "city": "",
        },
        {
            "title": "Webinaire : réserver un marché aux SIAE et aux EA-ESAT",
            "summary": (
                "Une heure pour comprendre les marchés réservés : qui peut candidater, comment "
                "allotir, quels contrôles prévoir."
            ),
            "body": ["Présentation de vingt minutes, puis questions des participants."],
        },
        {
            "title": "Webinar: reserving a contract for SIAE and EA-ESAT",
            "summary": (
                "One hour to understand reserved contracts: who may bid, how to divide into "
                "lots, which checks to plan."
            ),
            "body": ["A twenty-minute presentation, then participants' questions."],
        },
    ),
    "reunion-coordination-facilitateurs": (
        {
            "kind": "coordination",
            "day": -20,
            "start_time": (14, 0),
            "end_time": (17, 0),
            "audiences": ["facilitator"],
            **MONTPELLIER,
        },
        {
            "title": "Réunion de coordination des facilitateurs",
            "summary": (
                "Point semestriel du réseau : suivi des marchés de l'État dans l'Hérault et "
                "préparation de l'observatoire."
            ),
            "body": ["Le compte rendu de la réunion est en téléchargement ci-dessous."],
        },
        {
            "title": "Coordination meeting of the facilitators",
            "summary": (
                "The network's half-yearly meeting: following State contracts in the Hérault and "
                "preparing the observatory."
            ),
            "body": ["The minutes of the meeting can be downloaded below."],
        },
    ),
    # The two meetings below are reserved to the network ("network_only": Wagtail's page privacy by
    # the group core.network.NETWORK, French and English pages): the members' home lists them.
    "reunion-technique-mensuelle-reseau": (
        {
            "kind": "technical",
            "day": 0,
            "start_time": (14, 0),
            "end_time": (15, 30),
            "audiences": ["facilitator"],
            "network_only": True,
            "registration_enabled": True,
            "capacity": 40,
            # Monthly, on the 1st Thursday, with no end (dates up to the rule's horizon): always
            # upcoming.
            "repeat": "monthly",
            "repeat_weekdays": "TH",
            "repeat_week_of_month": 1,
            "online_url": "https://visio.example.org/mics34-reseau-technique",
            "venue": "",
            "street_address": "",
            "postal_code": "",
            "city": "",
        },
        {
            "title": "Point technique mensuel des facilitateurs",
            "summary": (
                "Chaque premier jeudi du mois, en visioconférence : les facilitateurs partagent "
                "les clauses en cours d'exécution et les difficultés de suivi des heures."
            ),
            "body": [
                "14 h : les chantiers du mois, territoire par territoire.",
                "14 h 45 : une question de suivi des heures d'insertion, traitée à plusieurs.",
            ],
        },
        {
            "title": "Facilitators' monthly technical call",
            "summary": (
                "Every first Thursday of the month, by video call: the facilitators share the "
                "clauses being carried out and the difficulties of tracking the hours."
            ),
            "body": [
                "2:00 pm: the month's worksites, territory by territory.",
                "2:45 pm: one question about tracking insertion hours, worked on together.",
            ],
        },
    ),
    "coordination-reseau-semestrielle": (
        {
            "kind": "coordination",
            "day": 45,
            "start_time": (9, 30),
            "end_time": (16, 0),
            "audiences": ["facilitator"],
            "network_only": True,
            "registration_enabled": True,
            "capacity": 30,
            **MONTPELLIER,
            "access_info_fr": "Tramway ligne 3, arrêt Celleneuve. Déjeuner sur place.",
            "access_info_en": "Tram line 3, Celleneuve stop. Lunch on site.",
            "accessibility_info_fr": "Salle de plain-pied, accessible en fauteuil roulant.",
            "accessibility_info_en": "Ground-floor room, wheelchair accessible.",
        },
        {
            "title": "Coordination du réseau : bilan du semestre",
            "summary": (
                "La coordination MICS 34 réunit les facilitateurs : heures d'insertion du "
                "semestre, répartition des marchés multi-territoriaux, calendrier de l'observatoire."
            ),
            "body": [
                "9 h 30 : bilan des heures d'insertion par territoire.",
                "11 h : marchés multi-territoriaux, qui en est le référent.",
                "14 h : calendrier de saisie de l'observatoire et questions diverses.",
            ],
        },
        {
            "title": "Network coordination: the half-year review",
            "summary": (
                "The MICS 34 coordination gathers the facilitators: the half-year's insertion "
                "hours, who follows multi-territorial contracts, the observatory's timetable."
            ),
            "body": [
                "9:30 am: insertion hours by territory.",
                "11:00 am: multi-territorial contracts, who is their referent.",
                "2:00 pm: the observatory's data-entry timetable and other business.",
            ],
        },
    ),
}


def body(paragraphs):
    return [paragraph(f"<p>{text}</p>") for text in paragraphs]
