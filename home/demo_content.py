"""The demo site's texts, French and English side by side, for `manage.py load_demo_content`.

Each page is a function of `tr` and `ref`: `tr(fr, en)` picks the text of the language being built, so
both languages have exactly the same structure (wagtail-localize matches them segment by segment);
`ref` gives the pages, the document and the image the content points to. Facts come from the MICS 34
brochure and from the legal framework in the project's domain notes; nothing else is invented.
"""

import io

from PIL import Image as PILImage
from PIL import ImageDraw

from home.factories import (
    accordion,
    accordion_item,
    call_to_action,
    card,
    cards,
    document_link,
    heading,
    image,
    key_figure,
    key_figures,
    link,
    paragraph,
    quote,
    work_axes,
    work_axis,
)

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
                "Création d'outils de communication : site Internet, pages Facebook et LinkedIn, "
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

# The contact form: (French, English) labels, help texts and choices, in the form's order.
CONTACT_FORM_FIELDS = [
    {"label": ("Nom", "Name"), "field_type": "singleline", "required": True},
    {"label": ("Courriel", "Email"), "field_type": "email", "required": True},
    {
        "label": ("Organisation", "Organisation"),
        "field_type": "singleline",
        "required": False,
        "help_text": (
            "Collectivité, entreprise, structure d'insertion…",
            "Local authority, company, work-integration organisation…",
        ),
    },
    {
        "label": ("Objet", "Subject"),
        "field_type": "dropdown",
        "required": False,
        "choices": [
            (
                "Insérer une clause sociale dans un marché",
                "Including a social clause in a contract",
            ),
            ("Rejoindre le réseau des facilitateurs", "Joining the network of facilitators"),
            ("Recruter grâce aux clauses sociales", "Hiring through social clauses"),
            ("Proposer une rencontre ou un événement", "Suggesting a meeting or an event"),
            ("Autre demande", "Other request"),
        ],
    },
    {"label": ("Message", "Message"), "field_type": "multiline", "required": True},
]

DOCUMENT = {
    "key": "guide",
    "title": "Guide — insérer une clause sociale",
    "filename": "guide-inserer-une-clause-sociale.pdf",
    "lines": [
        "Mission Interinstitutionnelle Clause Sociale 34 — clausesociale34.fr",
        "",
        "1. Repérer les marchés qui s'y prêtent",
        "   Travaux, services, fournitures : tout marché qui génère des heures de travail.",
        "2. Choisir la forme de la clause",
        "   Condition d'exécution (CCP, art. L2112-2), critère d'attribution (L2152-7, R2152-7)",
        "   ou marché réservé (L2113-12 à L2113-14).",
        "3. Fixer le volume d'heures d'insertion",
        "   Le plus souvent, 5 % à 20 % de l'activité induite par le marché.",
        "4. Rédiger les pièces du marché avec le facilitateur de votre territoire",
        "   Règlement de consultation, cahier des clauses administratives particulières.",
        "5. Suivre l'exécution",
        "   Le facilitateur vérifie l'éligibilité des personnes et comptabilise les heures.",
        "",
        "À partir du 22 août 2026 au plus tard, les marchés au-dessus des seuils européens",
        "comportent une considération sociale ou relative à l'emploi (loi Climat et résilience,",
        "art. 35), sauf exception justifiée.",
        "",
        "Contact : " + EMAIL + " — " + PHONE,
        ADDRESS_FR,
    ],
}

IMAGE = {
    "key": "network",
    "title": "Illustration — le réseau des acteurs de la clause sociale",
    "filename": "illustration-reseau-clause-sociale.png",
    "description": "Des cercles de couleur reliés par des traits, comme les membres d'un réseau.",
}


def illustration_png():
    """An abstract drawing in the site's colours: circles joined by lines, like a network of
    actors around a hub. Drawn at double size then reduced, for smooth edges."""
    scale = 2
    width, height = 1200, 675
    canvas = PILImage.new("RGB", (width * scale, height * scale), "#e8eef7")
    draw = ImageDraw.Draw(canvas)
    hub = (600, 338)
    nodes = [
        (180, 150),
        (330, 470),
        (470, 120),
        (760, 110),
        (900, 300),
        (1030, 520),
        (640, 560),
        (240, 330),
        (1060, 150),
        (420, 600),
    ]
    colours = ["#1f3a68", "#b34000", "#f0a868", "#142847", "#c9d1de"]
    for index, (x, y) in enumerate(nodes):
        draw.line(
            [(hub[0] * scale, hub[1] * scale), (x * scale, y * scale)],
            fill="#c9d1de",
            width=6 * scale,
        )
        neighbour = nodes[(index + 3) % len(nodes)]
        draw.line(
            [(x * scale, y * scale), (neighbour[0] * scale, neighbour[1] * scale)],
            fill="#c9d1de",
            width=3 * scale,
        )
    for index, (x, y) in enumerate(nodes):
        radius = (34 + (index * 7) % 30) * scale
        draw.ellipse(
            [x * scale - radius, y * scale - radius, x * scale + radius, y * scale + radius],
            fill=colours[index % len(colours)],
        )
    radius = 92 * scale
    draw.ellipse(
        [
            hub[0] * scale - radius,
            hub[1] * scale - radius,
            hub[0] * scale + radius,
            hub[1] * scale + radius,
        ],
        fill="#b34000",
    )
    radius = 52 * scale
    draw.ellipse(
        [
            hub[0] * scale - radius,
            hub[1] * scale - radius,
            hub[0] * scale + radius,
            hub[1] * scale + radius,
        ],
        fill="#ffffff",
    )
    canvas = canvas.resize((width, height), PILImage.LANCZOS)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


# --- Pages ----------------------------------------------------------------------------------------
# Each function returns the page's fields; "body" lists (block_type, value) tuples.


def home_page(tr, ref):
    return {
        "title": tr("Accueil", "Home"),
        "slug": tr("accueil", "home"),
        "seo_title": tr(
            "Clause sociale 34 — l'achat public socialement responsable dans l'Hérault",
            "Clause sociale 34 — socially responsible public purchasing in the Hérault",
        ),
        "search_description": tr(
            "La Mission Interinstitutionnelle Clause Sociale 34 accompagne les acheteurs publics de "
            "l'Hérault dans l'insertion de clauses sociales dans leurs marchés.",
            "The Mission Interinstitutionnelle Clause Sociale 34 helps public buyers in the Hérault "
            "include social clauses in their contracts.",
        ),
        "hero_title": tr(
            "Vous accompagner dans l'achat socialement responsable",
            "Supporting you in socially responsible purchasing",
        ),
        "hero_text": tr(
            "<p>La Mission Interinstitutionnelle Clause Sociale 34 aide les acheteurs publics de "
            "l'Hérault à insérer des clauses sociales dans leurs marchés, pour que la commande "
            "publique crée de l'emploi pour les personnes qui en sont éloignées. Elle réunit pour "
            "cela les facilitateurs du département, les entreprises et les structures "
            "d'insertion.</p>",
            "<p>The Mission Interinstitutionnelle Clause Sociale 34 helps public buyers in the "
            "Hérault include social clauses in their contracts, so that public procurement creates "
            "jobs for people far from employment. To do so, it brings together the county's "
            "facilitators, companies and work-integration organisations.</p>",
        ),
        "hero_link": ref.page("mission"),
        "hero_link_label": tr("Découvrir la mission", "About the mission"),
        "show_contact_block": True,
        "body": [
            key_figures(
                title=tr("Les clauses sociales en chiffres", "Social clauses in figures"),
                figures=[
                    key_figure(
                        tr(f"10{NBSP}%", "10%"),
                        tr(
                            "des marchés publics comportaient une clause sociale en 2018",
                            "of public contracts included a social clause in 2018",
                        ),
                        tr(
                            "Conseil économique, social et environnemental (CESE)",
                            "Economic, Social and Environmental Council (CESE)",
                        ),
                    ),
                    key_figure(
                        tr(f"10,3{NBSP}%", "10.3%"),
                        tr(
                            "taux de chômage dans l'Hérault en 2023, au-dessus de la moyenne "
                            "nationale",
                            "unemployment rate in the Hérault in 2023, above the national average",
                        ),
                    ),
                    key_figure(
                        tr(f"5 à 20{NBSP}%", "5 to 20%"),
                        tr(
                            "de l'activité induite par un marché, réservés le plus souvent à des "
                            "personnes éloignées de l'emploi",
                            "of the work generated by a contract, usually reserved for people far "
                            "from employment",
                        ),
                    ),
                    key_figure(
                        tr(f"20{NBSP}ans", "20 years"),
                        tr(
                            "d'obligation, pour les acheteurs publics, de prendre en compte le "
                            "développement durable",
                            "that public buyers have been required to take sustainable development "
                            "into account",
                        ),
                        tr("Code des marchés publics", "French public procurement code"),
                    ),
                ],
            ),
            work_axes(
                title=tr("Deux axes de travail", "Two areas of work"),
                axes=[
                    work_axis(tr(*title), [tr(*action) for action in actions], number=str(number))
                    for number, (title, actions) in enumerate(AXES, start=1)
                ],
            ),
            cards(
                title=tr("Par où commencer ?", "Where to start"),
                items=[
                    card(
                        tr("La mission", "The mission"),
                        tr(
                            "Le rôle de la MICS 34 dans l'Hérault et les acteurs qu'elle réunit.",
                            "The role of MICS 34 in the Hérault and the people it brings together.",
                        ),
                        link(page=ref.page("mission")),
                    ),
                    card(
                        tr("Les clauses sociales", "Social clauses"),
                        tr(
                            "Ce qu'est une clause sociale, ses bases juridiques et les questions "
                            "des acheteurs.",
                            "What a social clause is, its legal bases and the questions buyers "
                            "ask.",
                        ),
                        link(page=ref.page("clauses")),
                    ),
                    card(
                        tr("Centre de ressources", "Resource centre"),
                        tr(
                            "Veille juridique, guides et clauses types à copier dans vos "
                            "marchés, avec une recherche par thème et par article du code.",
                            "Legal watch, guides and model clauses to copy into your tenders, "
                            "searchable by theme and by article of the code.",
                        ),
                        link(page=ref.page("resources")),
                    ),
                    card(
                        tr("Nos axes de travail", "Our areas of work"),
                        tr(
                            "Ressources et coordination des facilitateurs, promotion de l'achat "
                            "socialement responsable.",
                            "Resources and coordination for facilitators, promotion of socially "
                            "responsible purchasing.",
                        ),
                        link(page=ref.page("axes")),
                    ),
                    card(
                        tr("Contact", "Contact"),
                        tr(
                            "Une question sur un marché ou un projet de clause ? Écrivez à "
                            "l'équipe.",
                            "A question about a contract or a planned clause? Write to the team.",
                        ),
                        link(page=ref.page("contact")),
                    ),
                ],
            ),
        ],
    }


def mission_page(tr, ref):
    return {
        "title": tr("La mission", "The mission"),
        "slug": tr("la-mission", "the-mission"),
        "search_description": tr(
            "Le rôle de la Mission Interinstitutionnelle Clause Sociale 34 : encourager l'usage des "
            "clauses sociales dans l'Hérault et coordonner les acteurs qui les font vivre.",
            "The role of the Mission Interinstitutionnelle Clause Sociale 34: encouraging the use "
            "of social clauses in the Hérault and coordinating the people who make them work.",
        ),
        "intro": tr(
            "La Mission Interinstitutionnelle Clause Sociale 34 encourage l'usage des clauses "
            "sociales dans la commande publique de l'Hérault et coordonne les acteurs qui les font "
            "vivre.",
            "The Mission Interinstitutionnelle Clause Sociale 34 encourages the use of social "
            "clauses in public procurement in the Hérault and coordinates the people who make them "
            "work.",
        ),
        "show_table_of_contents": False,
        "body": [
            heading(tr("Pourquoi une mission départementale ?", "Why a county-wide mission?")),
            paragraph(
                tr(
                    "<p>Dans le département de l'Hérault, la création de la Mission "
                    "Interinstitutionnelle répond à la volonté d'encourager l'usage des clauses "
                    "sociales. En effet, l'Hérault subit un fort taux de chômage, supérieur à la "
                    "moyenne nationale (10,3 % en 2023).</p>"
                    "<p>L'activité induite par la commande publique peut être un levier pour l'emploi "
                    "des plus précaires. Un travail important de sensibilisation à l'achat socialement "
                    "responsable reste à accomplir, car de nombreux acheteurs publics héraultais "
                    "n'utilisent pas ou trop peu cette mesure solidaire.</p>",
                    "<p>In the Hérault, the Mission Interinstitutionnelle was set up to encourage the "
                    "use of social clauses. The county has a high unemployment rate, above the national "
                    "average (10.3% in 2023).</p>"
                    "<p>The work generated by public procurement can be a lever for employing the most "
                    "vulnerable. Much remains to be done to raise awareness of socially responsible "
                    "purchasing, as many public buyers in the Hérault use this solidarity measure "
                    "rarely or not at all.</p>",
                )
            ),
            image(
                ref.image("network"),
                tr(
                    "Illustration : des cercles de couleur reliés par des traits autour d'un "
                    "cercle central, comme les acteurs d'un réseau départemental.",
                    "Illustration: coloured circles joined by lines around a central circle, like "
                    "the members of a county-wide network.",
                ),
                caption=tr(
                    "Acheteurs, facilitateurs, entreprises et structures d'insertion : un "
                    "même réseau.",
                    "Buyers, facilitators, companies and work-integration organisations: "
                    "one network.",
                ),
            ),
            heading(tr("Un lieu de rencontre et d'échanges", "A place to meet and share")),
            paragraph(
                tr(
                    "<p>L'Hérault compte de nombreux acteurs investis dans le développement des clauses "
                    "sociales. La MICS 34 s'engage dans l'animation d'un lieu de rencontre et "
                    "d'échanges, permettant une cohérence départementale dans le déploiement des "
                    "pratiques.</p>",
                    "<p>Many organisations in the Hérault are involved in developing social clauses. "
                    "MICS 34 runs a place where they can meet and share, so that practices are rolled "
                    "out consistently across the county.</p>",
                )
            ),
            heading(tr("Qui accompagnons-nous ?", "Who do we support?")),
            paragraph(
                tr(
                    "<ul>"
                    "<li><b>Les acheteurs publics</b> : services de l'État, Région, Département, "
                    "communes et intercommunalités, hôpitaux, bailleurs sociaux.</li>"
                    "<li><b>Les facilitateurs</b> de clauses sociales, portés par les Maisons de "
                    "l'emploi, les PLIE et les collectivités, un par territoire.</li>"
                    "<li><b>Les entreprises</b> qui répondent aux marchés et recrutent grâce aux "
                    "clauses.</li>"
                    "<li><b>Les structures d'insertion et du handicap</b> (SIAE, GEIQ, entreprises "
                    "adaptées, ESAT) et les prescripteurs de l'emploi : France Travail, Cap emploi, "
                    "Missions locales.</li>"
                    "</ul>",
                    "<ul>"
                    "<li><b>Public buyers</b>: State services, the Region, the Department, "
                    "municipalities and groupings of municipalities, hospitals, social landlords.</li>"
                    "<li><b>Social clause facilitators</b>, hosted by employment centres (Maisons de "
                    "l'emploi), local employment plans (PLIE) and local authorities, one per area.</li>"
                    "<li><b>Companies</b> that bid for contracts and hire through clauses.</li>"
                    "<li><b>Work-integration and disability employers</b> (SIAE, GEIQ, adapted "
                    "companies, ESAT) and employment services: France Travail, Cap emploi, Missions "
                    "locales.</li>"
                    "</ul>",
                )
            ),
            quote(
                tr(*BROCHURE_QUOTE),
                tr(
                    "Mission Interinstitutionnelle Clause Sociale 34",
                    "Mission Interinstitutionnelle Clause Sociale 34",
                ),
            ),
            paragraph(
                tr(
                    "<p>La mission est portée par l'APSH 34 (axe transversal de l'emploi) et cofinancée "
                    "par l'Union européenne.</p>",
                    "<p>The mission is run by APSH 34 (cross-cutting employment unit) and co-funded by "
                    "the European Union.</p>",
                )
            ),
            call_to_action(
                tr("Ce que fait la mission", "What the mission does"),
                tr(
                    "Un pôle ressources et coordination, et la promotion de l'achat socialement "
                    "responsable.",
                    "A resources and coordination hub, and the promotion of socially responsible "
                    "purchasing.",
                ),
                link(
                    page=ref.page("axes"),
                    label=tr("Découvrir nos axes de travail", "See our areas of work"),
                ),
            ),
        ],
    }


def clauses_page(tr, ref):
    legal_items = [
        (
            "<li><b>Article L2112-2</b> : les conditions d'exécution d'un marché peuvent prendre en "
            "compte des considérations relatives au domaine social ou à l'emploi.</li>",
            "<li><b>Article L2112-2</b>: the performance conditions of a contract may take social "
            "or employment considerations into account.</li>",
        ),
        (
            "<li><b>Articles L2113-12 et R2113-7</b> : des marchés ou des lots peuvent être "
            "réservés aux entreprises adaptées (EA) et aux établissements et services d'aide par le "
            "travail (ESAT), qui emploient au moins 50 % de travailleurs handicapés.</li>",
            "<li><b>Articles L2113-12 and R2113-7</b>: contracts or lots may be reserved for "
            "adapted companies (EA) and sheltered work establishments (ESAT), at least 50% of whose "
            "workers are disabled.</li>",
        ),
        (
            "<li><b>Article L2113-13</b> : des marchés peuvent être réservés aux structures "
            "d'insertion par l'activité économique (entreprises d'insertion, entreprises de "
            "travail temporaire d'insertion, associations intermédiaires, ateliers et chantiers "
            "d'insertion) et aux structures équivalentes, qui emploient au moins 50 % de "
            "travailleurs défavorisés.</li>",
            "<li><b>Article L2113-13</b>: contracts may be reserved for work-integration "
            "enterprises (integration companies, temporary work integration agencies, "
            "intermediary associations, integration workshops and worksites) and equivalent "
            "organisations, at least 50% of whose workers are disadvantaged.</li>",
        ),
        (
            "<li><b>Article L2113-14</b> : depuis la loi ASAP de 2020, un même marché peut être "
            "réservé à la fois à ces deux catégories de structures.</li>",
            "<li><b>Article L2113-14</b>: since the 2020 ASAP Act, a single contract may be "
            "reserved for both kinds of organisation at once.</li>",
        ),
        (
            "<li><b>Articles L2152-7 et R2152-7</b> : les critères d'attribution peuvent comprendre "
            "des aspects sociaux, par exemple les performances en matière d'insertion "
            "professionnelle des publics en difficulté.</li>",
            "<li><b>Articles L2152-7 and R2152-7</b>: award criteria may include social aspects, "
            "for example performance in the professional integration of people facing "
            "difficulties.</li>",
        ),
        (
            "<li><b>Articles L2111-3 et D2111-3</b> : les acheteurs dont les achats dépassent "
            "50 millions d'euros HT par an adoptent et publient un schéma de promotion des achats "
            "publics socialement et écologiquement responsables (SPASER), obligatoire à ce seuil "
            "depuis 2023.</li>",
            "<li><b>Articles L2111-3 and D2111-3</b>: buyers whose purchases exceed €50 million "
            "excluding VAT a year adopt and publish a plan promoting socially and ecologically "
            "responsible public purchasing (SPASER), mandatory at that threshold since 2023.</li>",
        ),
    ]
    questions = [
        (
            (
                "Tous les marchés peuvent-ils comporter une clause sociale ?",
                "Can any contract include a social clause?",
            ),
            (
                "<p>La plupart des marchés de travaux, de services et même de fournitures s'y "
                "prêtent, dès lors qu'ils génèrent des heures de travail. Le bâtiment et les travaux "
                "publics concentrent une grande part des heures d'insertion, mais bien d'autres "
                "secteurs sont concernés. La MICS 34 vous aide à repérer les marchés adaptés.</p>",
                "<p>Most works and services contracts, and even supply contracts, lend themselves "
                "to one, as long as they generate working hours. Building and civil engineering "
                "account for a large share of integration hours, but many other sectors are "
                "concerned. MICS 34 helps you identify suitable contracts.</p>",
            ),
        ),
        (
            (
                "Quelle part du marché réserver à l'insertion ?",
                "How much of the contract should be set aside for integration?",
            ),
            (
                "<p>Le plus souvent, la clause réserve de 5 % à 20 % de l'activité induite par le "
                "marché à des personnes en difficulté d'accès à l'emploi. Le facilitateur de votre "
                "territoire vous aide à fixer un volume d'heures réaliste.</p>",
                "<p>Most often, the clause reserves 5% to 20% of the work generated by the contract "
                "for people who struggle to find a job. The facilitator for your area helps you set a "
                "realistic number of hours.</p>",
            ),
        ),
        (
            (
                "Qui peut bénéficier des heures d'insertion ?",
                "Who can benefit from integration hours?",
            ),
            (
                "<p>Les personnes éloignées de l'emploi : demandeurs d'emploi de longue durée, "
                "allocataires du RSA, travailleurs handicapés, jeunes de moins de 26 ans, salariés "
                "des structures d'insertion par l'activité économique. Les prescripteurs (France "
                "Travail, Cap emploi, Missions locales, PLIE) orientent les candidats.</p>",
                "<p>People far from employment: long-term jobseekers, recipients of the RSA minimum "
                "income, disabled workers, young people under 26, employees of work-integration "
                "enterprises. Employment services (France Travail, Cap emploi, Missions locales, "
                "PLIE) refer the candidates.</p>",
            ),
        ),
        (
            (
                "L'entreprise titulaire doit-elle embaucher directement ?",
                "Does the winning company have to hire directly?",
            ),
            (
                "<p>Non. Elle peut recruter directement, mais aussi faire appel à une entreprise de "
                "travail temporaire d'insertion ou à un groupement d'employeurs pour l'insertion et "
                "la qualification (GEIQ), ou confier une partie des prestations à une structure "
                "d'insertion. Le facilitateur l'accompagne et suit les heures réalisées.</p>",
                "<p>No. It can hire directly, but it can also use a temporary work integration agency "
                "or an employers' group for integration and qualification (GEIQ), or subcontract "
                "part of the work to a work-integration enterprise. The facilitator supports the "
                "company and monitors the hours worked.</p>",
            ),
        ),
        (
            (
                "La clause sociale va-t-elle devenir obligatoire ?",
                "Is the social clause becoming mandatory?",
            ),
            (
                "<p>Oui pour les marchés dont la valeur dépasse les seuils européens : au plus tard à "
                "compter du 22 août 2026, leurs conditions d'exécution devront prendre en compte des "
                "considérations sociales ou relatives à l'emploi, sauf exception justifiée (loi "
                "Climat et résilience, article 35).</p>",
                "<p>Yes, for contracts worth more than the EU thresholds: from 22 August 2026 at the "
                "latest, their performance conditions must take social or employment considerations "
                "into account, unless an exception is justified (Climate and Resilience Act, "
                "article 35).</p>",
            ),
        ),
        (
            ("Qui contacter pour un premier projet ?", "Who should I contact for a first project?"),
            (
                "<p>Écrivez à la MICS 34 depuis la page Contact ou à " + EMAIL + " : nous vous "
                "orientons vers le facilitateur de votre territoire et vous transmettons les outils "
                "utiles.</p>",
                "<p>Write to MICS 34 through the Contact page or at "
                + EMAIL
                + ": we will put you in "
                "touch with the facilitator for your area and send you the tools you need.</p>",
            ),
        ),
    ]
    return {
        "title": tr("Les clauses sociales", "Social clauses"),
        "slug": tr("les-clauses-sociales", "social-clauses"),
        "search_description": tr(
            "Qu'est-ce qu'une clause sociale dans un marché public ? Définition, bases juridiques "
            "(Code de la commande publique, loi Climat et résilience, directive 2014/24/UE) et "
            "questions fréquentes des acheteurs.",
            "What is a social clause in a public contract? Definition, legal bases (French public "
            "procurement code, Climate and Resilience Act, Directive 2014/24/EU) and frequently "
            "asked questions.",
        ),
        "intro": tr(
            "Une clause sociale fait de l'achat public un levier d'emploi pour les personnes qui en "
            "sont éloignées. Voici ce qu'elle recouvre et sur quels textes elle s'appuie.",
            "A social clause turns public purchasing into a lever for employing people who are far "
            "from work. Here is what it covers and which texts it rests on.",
        ),
        "show_table_of_contents": True,
        "body": [
            heading(tr("Qu'est-ce qu'une clause sociale ?", "What is a social clause?")),
            paragraph(
                tr(
                    "<p>Dans les marchés publics, une clause sociale est une façon de rédiger le cahier "
                    "des charges imposé aux entreprises candidates. Un marché entier peut être dédié à "
                    "des travailleurs en insertion professionnelle. Mais le plus souvent, il s'agit "
                    "d'un simple paragraphe ajouté aux exigences du marché, qui réserve 5 % à 20 % de "
                    "l'activité induite à des personnes en difficulté d'accès à l'emploi.</p>"
                    "<p>Depuis 20 ans, le Code des marchés publics impose aux acheteurs de prendre en "
                    "compte les objectifs du développement durable. Les acteurs publics ont donc "
                    "l'obligation d'étudier la possibilité d'insérer dans leurs appels d'offres des "
                    "clauses environnementales, mais aussi des clauses sociales.</p>",
                    "<p>In public procurement, a social clause is a way of writing the specifications "
                    "that bidding companies must meet. A whole contract can be dedicated to workers "
                    "on an integration pathway. Most often, though, it is a simple paragraph added to "
                    "the contract's requirements, reserving 5% to 20% of the work it generates for "
                    "people who struggle to find a job.</p>"
                    "<p>For 20 years, the public procurement code has required buyers to take "
                    "sustainable development goals into account. Public bodies must therefore consider "
                    "including environmental clauses, and social clauses too, in their tenders.</p>",
                )
            ),
            key_figures(
                figures=[
                    key_figure(
                        tr(f"10{NBSP}%", "10%"),
                        tr(
                            "des marchés publics comportaient une clause sociale en 2018",
                            "of public contracts included a social clause in 2018",
                        ),
                        tr("CESE", "CESE"),
                    ),
                    key_figure(
                        tr(f"30{NBSP}%", "30%"),
                        tr(
                            "des marchés devraient comporter au moins une considération sociale "
                            "en 2025",
                            "of contracts should include at least one social consideration by 2025",
                        ),
                        tr(
                            "Plan national pour des achats durables 2022-2025",
                            "National sustainable procurement plan (PNAD) 2022-2025",
                        ),
                    ),
                ],
            ),
            heading(
                tr(
                    "Trois façons d'insérer une clause sociale",
                    "Three ways to include a social clause",
                )
            ),
            paragraph(
                tr(
                    "<ul>"
                    "<li><b>La condition d'exécution</b> : le titulaire s'engage à réaliser une part des "
                    "heures de travail du marché avec des personnes en insertion. C'est la forme la "
                    "plus courante.</li>"
                    "<li><b>Le critère d'attribution</b> : la performance en matière d'insertion "
                    "professionnelle compte parmi les critères de choix de l'offre.</li>"
                    "<li><b>Le marché réservé</b> : tout ou partie du marché est réservé à des "
                    "structures d'insertion ou du handicap.</li>"
                    "</ul>",
                    "<ul>"
                    "<li><b>A performance condition</b>: the contractor undertakes to carry out part of "
                    "the contract's working hours with people on an integration pathway. This is the "
                    "most common form.</li>"
                    "<li><b>An award criterion</b>: performance in professional integration is one of "
                    "the criteria for choosing the bid.</li>"
                    "<li><b>A reserved contract</b>: all or part of the contract is reserved for "
                    "work-integration or disability employers.</li>"
                    "</ul>",
                )
            ),
            heading(tr("Les bases juridiques", "The legal bases")),
            heading(
                tr("Code de la commande publique", "French public procurement code"), level="h3"
            ),
            paragraph(
                tr(
                    "<ul>" + "".join(fr for fr, _en in legal_items) + "</ul>",
                    "<ul>" + "".join(en for _fr, en in legal_items) + "</ul>",
                )
            ),
            heading(tr("Loi Climat et résilience", "Climate and Resilience Act"), level="h3"),
            paragraph(
                tr(
                    "<p>L'article 35 de la loi n° 2021-1104 du 22 août 2021, dite « Climat et "
                    "résilience », rend obligatoire la prise en compte de considérations sociales ou "
                    "relatives à l'emploi dans les conditions d'exécution des marchés dont la valeur "
                    "dépasse les seuils européens, au plus tard à compter du <b>22 août 2026</b>. "
                    "L'acheteur qui s'en dispense doit le justifier.</p>",
                    "<p>Article 35 of Act no. 2021-1104 of 22 August 2021, known as the Climate and "
                    "Resilience Act, makes it mandatory for contracts worth more than the EU thresholds "
                    "to take social or employment considerations into account in their performance "
                    "conditions, from <b>22 August 2026</b> at the latest. A buyer who does not must "
                    "justify it.</p>",
                )
            ),
            heading(tr("Droit européen", "European law"), level="h3"),
            paragraph(
                tr(
                    "<p>La directive 2014/24/UE sur la passation des marchés publics permet de réserver "
                    "des marchés (article 20) et de fixer des conditions d'exécution à caractère social "
                    "(article 70).</p>",
                    "<p>Directive 2014/24/EU on public procurement allows contracts to be reserved "
                    "(article 20) and social performance conditions to be set (article 70).</p>",
                )
            ),
            heading(
                tr(
                    "Plan national pour des achats durables",
                    "National sustainable procurement plan",
                ),
                level="h3",
            ),
            paragraph(
                tr(
                    "<p>Le PNAD 2022-2025 fixe un objectif de 30 % de marchés comportant au moins une "
                    "considération sociale d'ici 2025. En 2018, selon le CESE, seulement 10 % des "
                    "marchés publics comportaient une clause sociale.</p>",
                    "<p>The 2022-2025 national plan (PNAD) sets a target of 30% of contracts including "
                    "at least one social consideration by 2025. In 2018, according to the CESE, only "
                    "10% of public contracts included a social clause.</p>",
                )
            ),
            quote(
                tr(
                    "L'activité induite par la commande publique peut être un levier pour l'emploi "
                    "des plus précaires.",
                    "The work generated by public procurement can be a lever for employing the "
                    "most vulnerable.",
                ),
                tr(
                    "Mission Interinstitutionnelle Clause Sociale 34",
                    "Mission Interinstitutionnelle Clause Sociale 34",
                ),
            ),
            heading(tr("Les questions des acheteurs", "Questions from buyers")),
            accordion(items=[accordion_item(tr(*q), tr(*a)) for q, a in questions]),
            document_link(
                ref.document("guide"),
                title=tr(
                    "Guide — insérer une clause sociale dans un marché public",
                    "Guide — including a social clause in a public contract (in French)",
                ),
                description=tr(
                    "Une page qui résume les étapes, du repérage des marchés au suivi des heures "
                    "d'insertion.",
                    "One page summing up the steps, from identifying contracts to monitoring "
                    "integration hours.",
                ),
            ),
            call_to_action(
                tr("Un projet de marché ?", "Planning a contract?"),
                tr(
                    "Décrivez-nous votre projet : nous vous aidons à choisir la clause adaptée.",
                    "Tell us about your project: we will help you choose the right clause.",
                ),
                link(
                    page=ref.page("contact"),
                    label=tr("Écrire à la mission", "Write to the mission"),
                ),
            ),
        ],
    }


def axes_page(tr, ref):
    def actions(index):
        _title, items = AXES[index]
        return tr(
            "<ul>" + "".join(f"<li>{fr}</li>" for fr, _en in items) + "</ul>",
            "<ul>" + "".join(f"<li>{en}</li>" for _fr, en in items) + "</ul>",
        )

    return {
        "title": tr("Nos axes de travail", "Our areas of work"),
        "slug": tr("nos-axes-de-travail", "our-areas-of-work"),
        "search_description": tr(
            "Les deux axes de travail de la MICS 34 : un pôle ressources et coordination, et la "
            "promotion des clauses sociales auprès des acheteurs publics.",
            "The two areas of work of MICS 34: a resources and coordination hub, and promoting "
            "social clauses to public buyers.",
        ),
        "intro": tr(
            "La MICS 34 agit sur deux axes : un pôle ressources et coordination au service des "
            "acteurs de la clause sociale, et la promotion de l'achat socialement responsable "
            "auprès des donneurs d'ordres publics.",
            "MICS 34 works in two areas: a resources and coordination hub serving everyone "
            "involved in social clauses, and promoting socially responsible purchasing to public "
            "contracting authorities.",
        ),
        "show_table_of_contents": False,
        "body": [
            heading(tr("1. Le pôle ressources et coordination", "1. Resources and coordination")),
            paragraph(actions(0)),
            paragraph(
                tr(
                    "<p>Les facilitateurs de clauses sociales, portés par les Maisons de l'emploi, les "
                    "PLIE ou les collectivités, accompagnent chacun un territoire : ils aident les "
                    "acheteurs à rédiger les clauses, orientent les candidats vers les entreprises et "
                    "suivent les heures réalisées. Les données qu'ils partagent alimentent "
                    "l'observatoire statistique départemental.</p>",
                    "<p>Social clause facilitators, hosted by employment centres, local employment "
                    "plans (PLIE) or local authorities, each cover one area: they help buyers draft "
                    "clauses, refer candidates to companies and monitor the hours worked. The data they "
                    "share feeds the county's statistical observatory.</p>",
                )
            ),
            heading(tr("2. La promotion", "2. Promotion")),
            paragraph(actions(1)),
            paragraph(
                tr(
                    "<p>Ce site fait partie de ces outils de communication : il rassemblera peu à peu "
                    "des ressources, l'annuaire des acteurs, l'agenda des rencontres et les lettres "
                    "d'information de la mission.</p>",
                    "<p>This website is one of those communication tools: it will gradually bring "
                    "together resources, the directory of stakeholders, the calendar of meetings and "
                    "the mission's newsletters.</p>",
                )
            ),
            quote(
                tr(*BROCHURE_QUOTE),
                tr(
                    "Mission Interinstitutionnelle Clause Sociale 34",
                    "Mission Interinstitutionnelle Clause Sociale 34",
                ),
            ),
            call_to_action(
                tr(
                    "Facilitateur, entreprise ou structure d'insertion ?",
                    "Facilitator, company or work-integration organisation?",
                ),
                tr(
                    "Faites-vous connaître de la mission pour participer aux rencontres du réseau "
                    "départemental.",
                    "Get in touch with the mission to take part in the county network's meetings.",
                ),
                link(page=ref.page("contact"), label=tr("Nous contacter", "Contact us")),
            ),
        ],
    }


def legal_page(tr, ref):
    return {
        "title": tr("Mentions légales", "Legal notice"),
        "slug": tr("mentions-legales", "legal-notice"),
        "search_description": tr(
            "Éditeur du site clausesociale34.fr, cofinancement et réutilisation des contenus.",
            "Publisher of clausesociale34.fr, co-funding and re-use of the content.",
        ),
        "intro": tr(
            "Les informations sur l'éditeur du site clausesociale34.fr, prévues par la loi n° "
            "2004-575 du 21 juin 2004 pour la confiance dans l'économie numérique.",
            "Information about the publisher of clausesociale34.fr, as required by French Act "
            "no. 2004-575 of 21 June 2004 on confidence in the digital economy.",
        ),
        "show_table_of_contents": False,
        "body": [
            heading(tr("Éditeur", "Publisher")),
            paragraph(
                tr(
                    "<p>Le site clausesociale34.fr est édité par la Mission Interinstitutionnelle "
                    "Clause Sociale 34 (MICS 34), portée par l'APSH 34 — Axe transversal de "
                    "l'emploi.</p>"
                    f"<p>59 avenue de Fès, Henri Bertin Sans (bâtiment C)<br/>34080 Montpellier<br/>"
                    f"Téléphone : {PHONE}<br/>Courriel : {EMAIL}</p>",
                    "<p>The clausesociale34.fr website is published by the Mission "
                    "Interinstitutionnelle Clause Sociale 34 (MICS 34), run by APSH 34 — Axe "
                    "transversal de l'emploi (cross-cutting employment unit).</p>"
                    f"<p>59 avenue de Fès, Henri Bertin Sans (bâtiment C)<br/>34080 Montpellier, "
                    f"France<br/>Phone: +33 4 99 13 76 84<br/>Email: {EMAIL}</p>",
                )
            ),
            heading(tr("Publication et hébergement", "Publication and hosting")),
            paragraph(
                tr(
                    "<p>La publication est placée sous la responsabilité du représentant légal de la "
                    "structure porteuse. Les coordonnées de l'hébergeur du site sont communiquées par "
                    "l'éditeur sur simple demande à l'adresse ci-dessus.</p>",
                    "<p>Publication is the responsibility of the legal representative of the host "
                    "organisation. The publisher provides the contact details of the website's hosting "
                    "provider on request at the address above.</p>",
                )
            ),
            heading(tr("Cofinancement", "Co-funding")),
            paragraph(
                tr(
                    "<p>La Mission Interinstitutionnelle Clause Sociale 34 est cofinancée par l'Union "
                    "européenne.</p>",
                    "<p>The Mission Interinstitutionnelle Clause Sociale 34 is co-funded by the "
                    "European Union.</p>",
                )
            ),
            heading(tr("Contenus du site", "Website content")),
            paragraph(
                tr(
                    "<p>Sauf mention contraire, les textes de ce site sont produits par la MICS 34. "
                    "Toute reprise doit en citer la source : « Mission Interinstitutionnelle Clause "
                    "Sociale 34 — clausesociale34.fr ». Les textes juridiques cités font foi dans leur "
                    "version publiée au Journal officiel.</p>",
                    "<p>Unless stated otherwise, the texts on this website are written by MICS 34. Any "
                    "re-use must credit the source: “Mission Interinstitutionnelle Clause Sociale 34 — "
                    "clausesociale34.fr”. The legal texts quoted are authoritative in the version "
                    "published in the French Official Journal.</p>",
                )
            ),
            cards(
                title=tr("Voir aussi", "See also"),
                items=[
                    card(
                        tr("Données personnelles", "Personal data"),
                        tr(
                            "Ce que deviennent les informations envoyées par le formulaire de "
                            "contact.",
                            "What happens to the information sent through the contact form.",
                        ),
                        link(page=ref.page("privacy")),
                    ),
                    card(
                        tr("Accessibilité", "Accessibility"),
                        tr(
                            "Le niveau de conformité du site au RGAA et comment signaler un "
                            "problème.",
                            "How far the website complies with the RGAA and how to report a "
                            "problem.",
                        ),
                        link(page=ref.page("accessibility")),
                    ),
                ],
            ),
        ],
    }


def accessibility_page(tr, ref):
    return {
        "title": tr("Déclaration d'accessibilité", "Accessibility statement"),
        "slug": tr("declaration-d-accessibilite", "accessibility-statement"),
        "search_description": tr(
            "État de conformité du site clausesociale34.fr au RGAA 4.1, signalement d'un problème "
            "et voies de recours.",
            "Compliance of clausesociale34.fr with the RGAA 4.1, how to report a problem and how to "
            "seek redress.",
        ),
        "intro": tr(
            "La MICS 34 s'engage à rendre son site accessible, conformément à l'article 47 de la "
            "loi n° 2005-102 du 11 février 2005. Cette déclaration s'applique au site "
            "clausesociale34.fr.",
            "MICS 34 is committed to making its website accessible, in accordance with article 47 "
            "of French Act no. 2005-102 of 11 February 2005. This statement applies to "
            "clausesociale34.fr.",
        ),
        "show_table_of_contents": False,
        "body": [
            heading(tr("État de conformité", "Compliance status")),
            paragraph(
                tr(
                    "<p>Le site clausesociale34.fr est <b>partiellement conforme</b> avec le référentiel "
                    "général d'amélioration de l'accessibilité (RGAA), version 4.1, dans l'attente d'un "
                    "audit complet. Il a été conçu en suivant ce référentiel : titres hiérarchisés, "
                    "navigation possible au clavier, contrastes suffisants, champs de formulaire "
                    "étiquetés, vidéos accompagnées de leur transcription.</p>",
                    "<p>clausesociale34.fr is <b>partially compliant</b> with the French accessibility "
                    "framework (RGAA), version 4.1, pending a full audit. It was designed following "
                    "that framework: structured headings, keyboard navigation, sufficient contrast, "
                    "labelled form fields, videos with their transcript.</p>",
                )
            ),
            heading(tr("Contenus non accessibles", "Non-accessible content")),
            paragraph(
                tr(
                    "<p>Les résultats détaillés seront publiés à l'issue de l'audit. Certains documents "
                    "à télécharger produits par des tiers peuvent ne pas être accessibles : sur "
                    "demande, nous vous les transmettons sous une autre forme.</p>",
                    "<p>Detailed results will be published after the audit. Some downloadable "
                    "documents produced by third parties may not be accessible: on request, we will "
                    "send them to you in another form.</p>",
                )
            ),
            heading(tr("Retour d'information et contact", "Feedback and contact")),
            paragraph(
                tr(
                    "<p>Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez-nous "
                    "pour être orienté vers une alternative accessible ou obtenir le contenu sous une "
                    "autre forme :</p>"
                    "<ul><li>par le formulaire de la page Contact ;</li>"
                    f"<li>par courriel : {EMAIL} ;</li>"
                    f"<li>par téléphone : {PHONE} ;</li>"
                    f"<li>par courrier : MICS 34, {ADDRESS_FR}.</li></ul>",
                    "<p>If you cannot access a piece of content or a service, contact us to be "
                    "directed to an accessible alternative or to receive the content in another "
                    "form:</p>"
                    "<ul><li>through the form on the Contact page;</li>"
                    f"<li>by email: {EMAIL};</li>"
                    "<li>by phone: +33 4 99 13 76 84;</li>"
                    f"<li>by post: MICS 34, {ADDRESS_FR}, France.</li></ul>",
                )
            ),
            call_to_action(
                tr("Un problème d'accessibilité ?", "An accessibility problem?"),
                tr(
                    "Décrivez la page et la difficulté rencontrée : nous vous répondrons.",
                    "Tell us which page and what difficulty you met: we will get back to you.",
                ),
                link(
                    page=ref.page("contact"), label=tr("Signaler un problème", "Report a problem")
                ),
            ),
            heading(tr("Voies de recours", "Enforcement procedure")),
            paragraph(
                tr(
                    "<p>Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder "
                    "à un contenu ou à un service et que vous n'avez pas obtenu de réponse "
                    "satisfaisante, vous pouvez :</p>"
                    "<ul>"
                    "<li>écrire un message au Défenseur des droits, par son "
                    '<a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne</a> ;'
                    "</li>"
                    "<li>contacter le délégué du Défenseur des droits dans votre région, dont les "
                    'coordonnées figurent sur <a href="https://www.defenseurdesdroits.fr/">'
                    "defenseurdesdroits.fr</a> ;</li>"
                    "<li>envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : "
                    "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li>"
                    "</ul>",
                    "<p>If you have reported an accessibility issue that prevents you from accessing "
                    "content or a service and have not received a satisfactory answer, you can:</p>"
                    "<ul>"
                    "<li>write to the Défenseur des droits (French Rights Defender) through its "
                    '<a href="https://formulaire.defenseurdesdroits.fr/">online form</a>;</li>'
                    "<li>contact the Défenseur des droits delegate in your region, listed on "
                    '<a href="https://www.defenseurdesdroits.fr/">defenseurdesdroits.fr</a>;</li>'
                    "<li>send a letter by post (free of charge, no stamp needed): Défenseur des "
                    "droits, Libre réponse 71120, 75342 Paris CEDEX 07, France.</li>"
                    "</ul>",
                )
            ),
        ],
    }


def privacy_page(tr, ref):
    return {
        "title": tr("Politique de données personnelles", "Privacy policy"),
        "slug": tr("politique-de-donnees-personnelles", "privacy-policy"),
        "search_description": tr(
            "Les données collectées par clausesociale34.fr, leur durée de conservation, vos droits "
            "et les cookies.",
            "The data collected by clausesociale34.fr, how long it is kept, your rights and "
            "cookies.",
        ),
        "intro": tr(
            "Ce site collecte le moins de données possible. Cette page explique lesquelles, "
            "pourquoi, combien de temps elles sont conservées et comment exercer vos droits.",
            "This website collects as little data as possible. This page explains which data, "
            "why, how long it is kept and how to exercise your rights.",
        ),
        "show_table_of_contents": False,
        "body": [
            heading(tr("Responsable du traitement", "Data controller")),
            paragraph(
                tr(
                    "<p>Le responsable du traitement est la Mission Interinstitutionnelle Clause "
                    f"Sociale 34, portée par l'APSH 34, {ADDRESS_FR} — {EMAIL}.</p>",
                    "<p>The data controller is the Mission Interinstitutionnelle Clause Sociale 34, "
                    f"run by APSH 34, {ADDRESS_FR}, France — {EMAIL}.</p>",
                )
            ),
            heading(tr("Le formulaire de contact", "The contact form")),
            paragraph(
                tr(
                    "<p>Quand vous écrivez à la mission par le formulaire de contact, nous recevons "
                    "votre nom, votre adresse électronique, votre organisation si vous l'indiquez, "
                    "l'objet et le contenu de votre message.</p>"
                    "<ul>"
                    "<li><b>Finalité</b> : répondre à votre demande et, si elle le nécessite, vous "
                    "orienter vers le bon interlocuteur.</li>"
                    "<li><b>Base légale</b> : l'intérêt légitime de la mission à répondre aux "
                    "personnes qui la sollicitent.</li>"
                    "<li><b>Destinataires</b> : l'équipe de la MICS 34. Vos données ne sont transmises "
                    "à un partenaire qu'avec votre accord, et ne sont jamais vendues.</li>"
                    "<li><b>Durée de conservation</b> : 12 mois à compter de l'envoi du message, "
                    "puis suppression.</li>"
                    "</ul>",
                    "<p>When you write to the mission through the contact form, we receive your name, "
                    "your email address, your organisation if you give it, and the subject and content "
                    "of your message.</p>"
                    "<ul>"
                    "<li><b>Purpose</b>: answering your request and, where needed, directing you to the "
                    "right contact.</li>"
                    "<li><b>Legal basis</b>: the mission's legitimate interest in answering the people "
                    "who contact it.</li>"
                    "<li><b>Recipients</b>: the MICS 34 team. Your data is passed on to a partner only "
                    "with your agreement, and is never sold.</li>"
                    "<li><b>Retention period</b>: 12 months from the date of your message, after "
                    "which it is deleted.</li>"
                    "</ul>",
                )
            ),
            heading(tr("Vos droits", "Your rights")),
            paragraph(
                tr(
                    "<p>Vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation "
                    "et d'opposition au traitement de vos données. Pour les exercer, écrivez à "
                    f"{EMAIL} ou par courrier à l'adresse ci-dessus.</p>"
                    "<p>Si vous estimez, après nous avoir contactés, que vos droits ne sont pas "
                    "respectés, vous pouvez adresser une réclamation à la Commission nationale de "
                    "l'informatique et des libertés (CNIL) : "
                    '<a href="https://www.cnil.fr/fr/plaintes">cnil.fr/fr/plaintes</a>.</p>',
                    "<p>You have the right to access, rectify and erase your data, and to restrict or "
                    f"object to its processing. To exercise these rights, write to {EMAIL} or send a "
                    "letter to the address above.</p>"
                    "<p>If, after contacting us, you believe your rights have not been respected, you "
                    "can lodge a complaint with the French data protection authority (CNIL): "
                    '<a href="https://www.cnil.fr/fr/plaintes">cnil.fr/fr/plaintes</a>.</p>',
                )
            ),
            heading(tr("Cookies", "Cookies")),
            paragraph(
                tr(
                    "<p>Ce site ne dépose aucun cookie de mesure d'audience ni de publicité. Seuls des "
                    "cookies techniques, nécessaires à son fonctionnement, peuvent être déposés : la "
                    "protection du formulaire contre les envois frauduleux et, pour l'équipe, la "
                    "session de connexion à l'administration. Ils ne demandent pas votre "
                    "consentement.</p>",
                    "<p>This website sets no analytics or advertising cookies. Only technical cookies "
                    "needed for it to work may be set: protection of the form against forged "
                    "submissions and, for the team, the session when logged in to the administration. "
                    "They do not require your consent.</p>",
                )
            ),
            heading(tr("Vidéos", "Videos")),
            paragraph(
                tr(
                    "<p>Les vidéos intégrées (YouTube, Vimeo ou Dailymotion) ne sont chargées qu'au "
                    "moment où vous cliquez sur le bouton de lecture : avant ce clic, aucune requête "
                    "n'est envoyée à la plateforme. Après, ce sont ses propres conditions qui "
                    "s'appliquent ; YouTube est alors chargé dans son mode de confidentialité renforcée "
                    "(youtube-nocookie.com).</p>",
                    "<p>Embedded videos (YouTube, Vimeo or Dailymotion) are loaded only when you click "
                    "the play button: before that click, no request is sent to the platform. After it, "
                    "the platform's own terms apply; YouTube is then loaded in its privacy-enhanced "
                    "mode (youtube-nocookie.com).</p>",
                )
            ),
            call_to_action(
                tr("Une question sur vos données ?", "A question about your data?"),
                "",
                link(page=ref.page("contact"), label=tr("Nous écrire", "Write to us")),
            ),
        ],
    }


def contact_page(tr, ref):
    return {
        "title": tr("Contact", "Contact"),
        "slug": tr("contact", "contact"),
        "search_description": tr(
            "Écrire à la Mission Interinstitutionnelle Clause Sociale 34, à Montpellier.",
            "Write to the Mission Interinstitutionnelle Clause Sociale 34 in Montpellier.",
        ),
        "intro": tr(
            "<p>Une question sur les clauses sociales, un projet de marché, une demande de "
            "rencontre ? Écrivez-nous : l'équipe de la MICS 34 vous répond dans les meilleurs "
            "délais.</p>",
            "<p>A question about social clauses, a planned contract, a request for a meeting? "
            "Write to us: the MICS 34 team will answer as soon as possible.</p>",
        ),
        "thank_you_text": tr(
            "<p>Merci, votre message a bien été envoyé. L'équipe de la MICS 34 vous répondra à "
            "l'adresse indiquée dans les meilleurs délais.</p>",
            "<p>Thank you, your message has been sent. The MICS 34 team will reply to the address "
            "you gave as soon as possible.</p>",
        ),
        "privacy_notice": tr(
            "<p>Les informations saisies servent uniquement à répondre à votre demande. Elles sont "
            "conservées 12 mois, puis supprimées. Vous pouvez y accéder, les faire rectifier ou "
            f"effacer en écrivant à {EMAIL}. Pour en savoir plus, consultez la politique de "
            "données personnelles.</p>",
            "<p>The information you enter is used only to answer your request. It is kept for 12 "
            "months, then deleted. You can access, correct or erase it by writing to "
            f"{EMAIL}. To find out more, see the privacy policy.</p>",
        ),
        "to_address": tr(EMAIL, EMAIL),
        "from_address": "",
        "subject": tr(
            "Nouveau message depuis clausesociale34.fr", "New message from clausesociale34.fr"
        ),
        "form_fields": [
            {
                "label": tr(*field["label"]),
                "field_type": field["field_type"],
                "required": field["required"],
                "help_text": tr(*field["help_text"]) if "help_text" in field else "",
                "choices": "\n".join(tr(*choice) for choice in field.get("choices", [])),
                "default_value": "",
            }
            for field in CONTACT_FORM_FIELDS
        ],
    }


# The pages under the home page, in their order in the page tree: (page type, content).
PAGES = {
    "mission": ("ContentPage", mission_page),
    "clauses": ("ContentPage", clauses_page),
    "axes": ("ContentPage", axes_page),
    "contact": ("ContactPage", contact_page),
    "legal": ("ContentPage", legal_page),
    "accessibility": ("ContentPage", accessibility_page),
    "privacy": ("ContentPage", privacy_page),
}
