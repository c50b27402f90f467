"""The page on social clauses: what one is, its legal bases and the questions buyers ask."""

from core.factories import (
    accordion,
    accordion_item,
    call_to_action,
    document_link,
    heading,
    key_figure,
    key_figures,
    link,
    paragraph,
    quote,
)

from .shared import EMAIL, NBSP


def clauses_page(tr, ref):
    legal_items = [
        (
            "<li><b>Article L2112-2</b> : les conditions d'exécution d'un marché peuvent prendre en "
            "compte des considérations relatives au domaine social ou à l'emploi.</li>",
            "<li><b>Article L2112-2</b>: the performance conditions of a contract may take social "
            "or employment considerations into account.</li>",
        ),
        (
            "<li><b>Articles L2113-12 et R2113-7</b> : des marchés ou des lots peuvent être "
            "réservés aux entreprises adaptées (EA) et aux établissements et services d'aide par le "
            "travail (ESAT), qui emploient au moins 50 % de travailleurs handicapés.</li>",
            "<li><b>Articles L2113-12 and R2113-7</b>: contracts or lots may be reserved for "
            "adapted companies (EA) and sheltered work establishments (ESAT), at least 50% of whose "
            "workers are disabled.</li>",
        ),
        (
            "<li><b>Article L2113-13</b> : des marchés peuvent être réservés aux structures "
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
            "<li><b>Article L2113-14</b> : depuis la loi ASAP de 2020, un même marché peut être "
            "réservé à la fois à ces deux catégories de structures.</li>",
            "<li><b>Article L2113-14</b>: since the 2020 ASAP Act, a single contract may be "
            "reserved for both kinds of organisation at once.</li>",
        ),
        (
            "<li><b>Articles L2152-7 et R2152-7</b> : les critères d'attribution peuvent comprendre "
            "des aspects sociaux, par exemple les performances en matière d'insertion "
            "professionnelle des publics en difficulté.</li>",
            "<li><b>Articles L2152-7 and R2152-7</b>: award criteria may include social aspects, "
            "for example performance in the professional integration of people facing "
            "difficulties.</li>",
        ),
        (
            "<li><b>Articles L2111-3 et D2111-3</b> : les acheteurs dont les achats dépassent "
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
                "Tous les marchés peuvent-ils comporter une clause sociale ?",
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
                "Quelle part du marché réserver à l'insertion ?",
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
                "Qui peut bénéficier des heures d'insertion ?",
                "Who can benefit from integration hours?",
            ),
            (
                "<p>Les personnes éloignées de l'emploi : demandeurs d'emploi de longue durée, "
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
                "L'entreprise titulaire doit-elle embaucher directement ?",
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
                "La clause sociale va-t-elle devenir obligatoire ?",
                "Is the social clause becoming mandatory?",
            ),
            (
                "<p>Oui pour les marchés dont la valeur dépasse les seuils européens : au plus tard à "
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
            ("Qui contacter pour un premier projet ?", "Who should I contact for a first project?"),
            (
                "<p>Écrivez à la MICS 34 depuis la page Contact ou à " + EMAIL + " : nous vous "
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
            "Qu'est-ce qu'une clause sociale dans un marché public ? Définition, bases juridiques "
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
            heading(tr("Qu'est-ce qu'une clause sociale ?", "What is a social clause?")),
            paragraph(
                tr(
                    "<p>Dans les marchés publics, une clause sociale est une façon de rédiger le cahier "
                    "des charges imposé aux entreprises candidates. Un marché entier peut être dédié à "
                    "des travailleurs en insertion professionnelle. Mais le plus souvent, il s'agit "
                    "d'un simple paragraphe ajouté aux exigences du marché, qui réserve 5 % à 20 % de "
                    "l'activité induite à des personnes en difficulté d'accès à l'emploi.</p>"
                    "<p>Depuis le 1er avril 2019, le Code de la commande publique a remplacé le Code "
                    "des marchés publics. L'acheteur y définit ses besoins en tenant compte des "
                    "objectifs de développement durable, dans leurs dimensions économique, sociale et "
                    "environnementale (article L2111-1) ; il peut inscrire des considérations "
                    "sociales dans les conditions d'exécution (L2112-2) et les critères d'attribution "
                    "(L2152-7). À partir du 22 août 2026, tout marché d'un montant supérieur aux "
                    "seuils européens devra comporter une condition d'exécution sociale ou liée à "
                    "l'emploi (loi Climat et résilience, article 35).</p>",
                    "<p>In public procurement, a social clause is a way of writing the specifications "
                    "that bidding companies must meet. A whole contract can be dedicated to workers "
                    "on an integration pathway. Most often, though, it is a simple paragraph added to "
                    "the contract's requirements, reserving 5% to 20% of the work it generates for "
                    "people who struggle to find a job.</p>"
                    "<p>Since 1 April 2019, the Public Procurement Code (Code de la commande "
                    "publique) has replaced the former public contracts code. Buyers define their "
                    "needs taking sustainable development goals into account, in their economic, "
                    "social and environmental dimensions (article L2111-1); they may write social "
                    "considerations into the performance conditions (L2112-2) and the award criteria "
                    "(L2152-7). From 22 August 2026, every contract above the EU thresholds must "
                    "include a social or employment-related performance condition (Climate and "
                    "Resilience Act, article 35).</p>",
                )
            ),
            quote(
                tr(
                    "Depuis 20 ans, le Code des Marchés Publics impose aux acheteurs de prendre en "
                    "compte les objectifs du développement durable. Les acteurs publics ont donc "
                    "l'obligation d'étudier la possibilité d'insérer dans leurs appels d'offres des "
                    "clauses environnementales, mais aussi des clauses sociales.",
                    "For 20 years, the public procurement code has required buyers to take "
                    "sustainable development goals into account. Public bodies must therefore "
                    "consider including environmental clauses, and social clauses too, in their "
                    "tenders.",
                ),
                tr(
                    "Plaquette de la MICS 34, citée telle quelle : le Code des marchés "
                    "publics qu'elle nomme est devenu le Code de la commande publique en 2019",
                    "The MICS 34 brochure, quoted as written: the public contracts code it names "
                    "became the Public Procurement Code in 2019",
                ),
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
                    "<li><b>La condition d'exécution</b> : le titulaire s'engage à réaliser une part des "
                    "heures de travail du marché avec des personnes en insertion. C'est la forme la "
                    "plus courante.</li>"
                    "<li><b>Le critère d'attribution</b> : la performance en matière d'insertion "
                    "professionnelle compte parmi les critères de choix de l'offre.</li>"
                    "<li><b>Le marché réservé</b> : tout ou partie du marché est réservé à des "
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
                    "<p>L'article 35 de la loi n° 2021-1104 du 22 août 2021, dite « Climat et "
                    "résilience », rend obligatoire la prise en compte de considérations sociales ou "
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
                tr("Un projet de marché ?", "Planning a contract?"),
                tr(
                    "Décrivez-nous votre projet : nous vous aidons à choisir la clause adaptée.",
                    "Tell us about your project: we will help you choose the right clause.",
                ),
                link(
                    page=ref.page("contact"),
                    label=tr("Écrire à la mission", "Write to the mission"),
                ),
            ),
        ],
    }
