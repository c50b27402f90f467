"""The English translations of the demo hub (resources/demo_data.py), keyed by the French resource's
slug: title, summary and body paragraphs, one English paragraph per French one. Used by
resources/demo.py to write wagtail-localize translations; plain data.

Terms: "marché réservé" is a reserved contract, "clause sociale" a social clause, "clause
d'insertion" a work integration clause, the Code de la commande publique the Public Procurement Code
(CCP). French acronyms (SIAE, EA, ESAT, SPASER, PNAD...) are kept, explained where the French explains
them."""

HUB = {
    "title": "Resource centre",
    "slug": "resources",
    "intro": (
        "Legal and documentary watch, guides and model clauses: everything the mission publishes to "
        "help public buyers include social clauses in their contracts."
    ),
}

# The English names of the legal references whose French name has French words (the others, such
# as "CCP L2113-12", are the same in both languages).
LEGAL_REFERENCE_NAMES = {
    "loi-2021-1104-art-35": "Act 2021-1104, Art. 35",
    "directive-2014-24-ue": "Directive 2014/24/EU",
}

# The French source labels, in English (names of institutions stay as they are known).
SOURCE_LABELS = {
    "Légifrance": "Légifrance",
    "Conseil d'État": "Conseil d'État (French Council of State)",
    "EUR-Lex": "EUR-Lex",
    "Journal officiel": "Official Journal of the French Republic",
    "Curia": "Curia",
    "Ministère de la transition écologique": "Ministry for the Ecological Transition",
    "CESE": "CESE (Economic, Social and Environmental Council)",
}

RESOURCES = {
    "reservation-ea-esat": {
        "title": "Contracts reserved for adapted enterprises and ESATs: Article L2113-12",
        "summary": (
            "The Public Procurement Code allows a buyer to reserve a contract or a lot for adapted "
            "enterprises and ESATs employing at least 50% of workers with disabilities."
        ),
        "paragraphs": [
            "Since the Public Procurement Code (CCP) came into force on 1 April 2019, Article "
            "L2113-12 has carried over the option of reserving contracts for disability: a "
            "contract reserved for adapted enterprises (EA) and for sheltered employment "
            "establishments and services (ESAT).",
            "The minimum proportion of workers with disabilities is set at 50% by Article "
            "R2113-7. The buyer states the reservation in the contract notice.",
        ],
    },
    "reservation-siae": {
        "title": "Reserving a contract for work integration enterprises: Article L2113-13",
        "summary": (
            "Contracts may be reserved for work integration enterprises (SIAE, structures "
            "d'insertion par l'activité économique) and equivalent organisations employing at "
            "least 50% of disadvantaged people."
        ),
        "paragraphs": [
            "Article L2113-13 covers work integration enterprises, temporary work agencies for "
            "integration, intermediary associations, and integration workshops and projects.",
            "The reservation may cover all or some of the lots; it requires knowing what local "
            "organisations can offer, which the facilitator helps to establish.",
        ],
    },
    "loi-asap-double-reservation": {
        "title": "ASAP Act: one contract reserved for both disability and work integration",
        "summary": (
            "The Act on the acceleration and simplification of public action creates Article "
            "L2113-14: the same contract may be reserved for EAs, ESATs and SIAEs."
        ),
        "paragraphs": [
            "Before the ASAP Act of 7 December 2020, buyers had to choose between a reservation "
            "for disability and a reservation for work integration. Article L2113-14 now allows "
            "a reserved contract to be opened to both categories of organisations.",
            "This double reservation widens competition between inclusive organisations, "
            "especially in small territories.",
        ],
    },
    "loi-climat-article-35": {
        "title": "Climate and Resilience Act: social considerations become mandatory",
        "summary": (
            "Article 35 of the Act of 22 August 2021 requires, above the European thresholds, "
            "performance conditions that take social or employment-related considerations into "
            "account."
        ),
        "paragraphs": [
            "Act 2021-1104 amends Article L2112-2 of the Public Procurement Code: by 22 August "
            "2026 at the latest, contracts whose value exceeds the European thresholds will "
            "include a social or employment-related performance condition.",
            "Exceptions exist (subject matter of the contract, local circumstances) but they "
            "will have to be justified in the tender documents.",
        ],
    },
    "obligation-22-aout-2026": {
        "title": "22 August 2026: the social clause obligation comes into force",
        "summary": (
            "From 22 August 2026, every contract above the European thresholds includes a social "
            "performance condition, unless a justified exception applies."
        ),
        "paragraphs": [
            "The deadline set by Article 35 of the Climate and Resilience Act has been reached: "
            "buyers must include a social performance clause in their contracts above the "
            "European thresholds.",
            "The mission helps buyers in the Hérault identify the contracts concerned and draft "
            "work integration clauses.",
        ],
    },
    "spaser-obligatoire": {
        "title": "SPASER: the plan for socially and ecologically responsible purchasing",
        "summary": (
            "Buyers whose annual purchases exceed 50 million euros excluding VAT adopt and "
            "publish a SPASER."
        ),
        "paragraphs": [
            "Article L2111-3 of the Code requires local authorities and buyers whose purchases "
            "exceed €50 million excluding VAT a year to adopt a plan for promoting socially and "
            "ecologically responsible purchasing (SPASER).",
            "Since 2023, the SPASER has included precise indicators on contracts with social "
            "clauses and must be made public.",
        ],
    },
    "critere-insertion-r2152-7": {
        "title": "The social award criterion: Article R2152-7",
        "summary": (
            "Among the award criteria, the buyer may use performance in the professional "
            "integration of people facing difficulties."
        ),
        "paragraphs": [
            "Article R2152-7 expressly lists performance in the professional integration of "
            "people facing difficulties among the qualitative criteria.",
            "The criterion must be linked to the subject matter of the contract and its "
            "assessment method announced; it is often combined with a performance clause.",
        ],
    },
    "conseil-etat-critere-social": {
        "title": "Conseil d'État: a social criterion linked to the subject matter of the contract",
        "summary": (
            "The court confirms that a criterion relating to professional integration is lawful "
            "if it concerns the conditions under which the contract is performed."
        ),
        "paragraphs": [
            "In this decision, the Conseil d'État (French Council of State) points out that a "
            "social award criterion must relate to the conditions under which the contractor "
            "will perform the contract, not to the company's general policy.",
            "Buyers therefore take care to word the criterion in terms of the work integration "
            "hours offered for the contract.",
        ],
    },
    "directive-2014-24-article-20": {
        "title": "Directive 2014/24/EU: reserved contracts and performance conditions",
        "summary": (
            "Article 20 of the Directive governs reserved contracts; Article 70 allows social "
            "performance conditions."
        ),
        "paragraphs": [
            "European Directive 2014/24/EU on public procurement is the source of reserved "
            "contracts (Article 20) and of employment-related performance conditions (Article "
            "70).",
            "Its transposition into French law is now found in the Public Procurement Code.",
        ],
    },
    "reponse-ministerielle-clause-btp": {
        "title": "Ministerial answer: work integration clauses and small building lots",
        "summary": (
            "The minister states that a work integration clause may be included in low-value "
            "building lots, with the number of hours adjusted."
        ),
        "paragraphs": [
            "In answer to a member of parliament, the Ministry of the Economy states that no "
            "minimum threshold prevents a work integration clause from being included in a "
            "building works lot.",
            "The buyer sets the volume of work integration hours in proportion to the labour "
            "content of the lot.",
        ],
    },
    "decret-seuils-2024": {
        "title": "New European thresholds from 1 January 2024",
        "summary": (
            "The thresholds for formal procedures change: they also determine which contracts "
            "are subject to the 2026 social obligation."
        ),
        "paragraphs": [
            "The European thresholds are revised every two years. They are the reference for the "
            "social consideration obligation laid down by the Climate and Resilience Act.",
            "Buyers update their map of the contracts covered by the obligation.",
        ],
    },
    "circulaire-etat-exemplaire": {
        "title": "Circular: the State as an example of socially responsible purchasing",
        "summary": (
            "A circular asks State services to make the work integration social clause standard "
            "in works and services contracts."
        ),
        "paragraphs": [
            "The circular sets State services targets for contracts that include a social "
            "consideration, in line with the national plan for sustainable procurement.",
            "Facilitators are named as the contacts for monitoring work integration hours.",
        ],
    },
    "cjue-conditions-execution": {
        "title": "Court of Justice of the EU: social performance conditions and free competition",
        "summary": (
            "The Court accepts social performance conditions provided they are transparent, "
            "non-discriminatory and linked to the subject matter of the contract."
        ),
        "paragraphs": [
            "European case law sets the framework for social clauses: transparency, equal "
            "treatment and a link with the subject matter of the contract.",
            "A work integration clause open to any company, wherever it is established, "
            "complies with these principles.",
        ],
    },
    "pnad-2022-2025": {
        "title": "National plan for sustainable procurement 2022-2025",
        "summary": (
            "The PNAD (national plan for sustainable procurement) sets the target of 30% of "
            "contracts including a social consideration by 2025."
        ),
        "paragraphs": [
            "The national plan for sustainable procurement 2022-2025 provides that 30% of the "
            "contracts awarded in the year include at least one social consideration.",
            "It encourages buyers to rely on facilitators and on the inclusive organisations of "
            "their territory.",
        ],
    },
    "cese-avis-clauses": {
        "title": "CESE opinion: barely 10% of contracts include a social clause",
        "summary": (
            "The Economic, Social and Environmental Council (CESE) finds that in 2018 about 10% of "
            "public contracts included a social clause."
        ),
        "paragraphs": [
            "The CESE opinion reviews the state of social clauses and recommends giving public "
            "buyers better tools.",
            "It highlights the role of facilitators and the value of reserved contracts.",
        ],
    },
    "observatoire-herault-2023": {
        "title": "Observatory of social clauses in the Hérault: 2023 report",
        "summary": (
            "Work integration hours completed, the people who benefited and the sectors of the "
            "contracts with clauses in the Hérault in 2023."
        ),
        "paragraphs": [
            "The report of the département's observatory aggregates the data of nine "
            "facilitators: work integration hours, full-time equivalents, participants and "
            "outcomes of their pathways.",
            "Building and public works account for more than half of the hours; the "
            "unemployment rate in the Hérault was 10.3% in 2023.",
        ],
    },
    "observatoire-herault-2017": {
        "title": "Social clauses in the Hérault: the 2016-2017 figures",
        "summary": (
            "About 387,000 work integration hours in 2016 and 370,000 in 2017, nearly 3,000 hours "
            "per contract."
        ),
        "paragraphs": [
            "The data published by MICS 34 show how much social clauses weigh in giving access "
            "to employment to people far from the labour market.",
            "Nearly 89% of the clauses are performance conditions and 5% award criteria.",
        ],
    },
    "etude-impact-insertion": {
        "title": "Study: the pathways of employees recruited through clauses",
        "summary": (
            "A national study follows the people recruited under a work integration clause: "
            "contracts, training, lasting employment."
        ),
        "paragraphs": [
            "The study shows that a large share of participants move into lasting employment or "
            "qualifying training within the following year.",
            "Professionalisation contracts and apprenticeships lead to the best results.",
        ],
    },
    "rapport-achats-inclusifs": {
        "title": "Report: inclusive purchasing by local authorities",
        "summary": (
            "An overview of the practices of regions, départements and municipalities regarding "
            "reserved contracts and work integration clauses."
        ),
        "paragraphs": [
            "The report lists good practices: division into lots that suits inclusive "
            "organisations, sourcing, recurring reserved contracts.",
            "It recommends writing these practices into the SPASER.",
        ],
    },
    "newsletter-reseau-facilitateurs": {
        "title": "Facilitators' network: summary of the technical meetings",
        "summary": (
            "The facilitators of the Hérault discussed preparing for the 2026 deadline and "
            "harmonising indicators."
        ),
        "paragraphs": [
            "The technical meetings dealt with coordinating contracts covering several "
            "territories and State contracts.",
            "A common template for reporting on the performance of the clause is being prepared.",
        ],
    },
    "guide-rediger-clause-insertion": {
        "title": "Guide: drafting a work integration clause step by step",
        "summary": (
            "From identifying the contract to monitoring the hours: the steps for including a "
            "work integration social clause in a public contract."
        ),
        "paragraphs": [
            "Step 1: identify labour-intensive contracts. Step 2: calculate the volume of work "
            "integration hours. Step 3: draft the clause in the CCAP (special administrative "
            "terms). Step 4: inform the bidders. Step 5: monitor performance with the "
            "facilitator.",
            "The guide recalls the legal basis (Article L2112-2) and the ways of meeting the "
            "clause: direct hiring, staff provided by another organisation, subcontracting to "
            "an SIAE.",
        ],
    },
    "guide-clause-batiment": {
        "title": "Work integration clauses in building contracts: the project owner's guide",
        "summary": (
            "How to set and monitor work integration hours in building works contracts, lot by lot."
        ),
        "paragraphs": [
            "In building, the work integration clause, the most common social clause, is "
            "calculated lot by lot from the labour content. Structural work and finishing work "
            "offer jobs open to people far from employment.",
            "The guide offers a table for allocating the hours and a schedule for monitoring "
            "the building site.",
        ],
    },
    "guide-marches-reserves": {
        "title": "Guide to reserved contracts: disability, work integration or both",
        "summary": (
            "Choosing between Articles L2113-12, L2113-13 and L2113-14 and preparing a reserved "
            "tender."
        ),
        "paragraphs": [
            "The guide compares the three possible reservations and explains how to check that "
            "enough inclusive organisations in the territory can respond.",
            "It gives examples of reserved contracts: maintenance of green spaces, cleaning, "
            "laundry, digitisation.",
        ],
    },
    "guide-critere-social": {
        "title": "Guide: using a social award criterion",
        "summary": (
            "Weighting, wording and assessing a criterion on the professional integration of "
            "people facing difficulties."
        ),
        "paragraphs": [
            "A social criterion usually carries between 5 and 15% of the score. It assesses the "
            "bidder's method for welcoming and supporting people in work integration.",
            "The guide offers a scoring grid and examples of technical proposals.",
        ],
    },
    "guide-spaser": {
        "title": "Drawing up a SPASER: method and indicators",
        "summary": (
            "The steps in drawing up a plan for promoting socially and ecologically responsible "
            "purchasing."
        ),
        "paragraphs": [
            "Purchasing review, quantified objectives, action plan, monitoring indicators and "
            "publication: the guide details each step of the SPASER.",
            "It suggests indicators on the share of contracts with a social clause and on work "
            "integration hours.",
        ],
    },
    "guide-preparer-2026": {
        "title": "Getting ready for the 2026 obligation: the buyer's guide",
        "summary": (
            "Mapping the contracts above the thresholds, choosing the right social "
            "consideration, justifying exceptions."
        ),
        "paragraphs": [
            "The guide helps buyers prepare for the obligation of Article 35 of the Climate and "
            "Resilience Act: listing the contracts concerned, choosing between a work "
            "integration clause, a social criterion or a reserved contract.",
            "It details the accepted grounds for exceptions and how to justify them.",
        ],
    },
    "guide-entreprises-clause": {
        "title": "Companies: bidding for a contract with a work integration clause",
        "summary": (
            "How a company completes its work integration hours: recruitment, staff provided by "
            "another organisation, joint contracting with an SIAE."
        ),
        "paragraphs": [
            "The guide explains to companies the different ways of meeting the clause and the "
            "role of the facilitator in putting forward candidates.",
            "It points out that the hours completed can lead to lasting recruitment.",
        ],
    },
    "guide-suivi-heures": {
        "title": "Monitoring the performance of a social clause: dashboards",
        "summary": (
            "Monthly monitoring of work integration hours, supporting documents and penalties "
            "for non-compliance."
        ),
        "paragraphs": [
            "Every month the facilitator collects the hours completed and the participants' "
            "employment contracts. The buyer may apply the penalties set out in the CCAP.",
            "The guide provides a template for a shared dashboard.",
        ],
    },
    "guide-esat-sourcing": {
        "title": "Finding the EAs and ESATs of the Hérault before a reserved contract",
        "summary": (
            "Sourcing the territory's disability organisations to size a contract reserved for "
            "disability."
        ),
        "paragraphs": [
            "Before reserving a contract for disability, the buyer checks that several adapted "
            "enterprises or ESATs can respond. The guide lists useful directories and networks.",
            "It offers a sourcing questionnaire that respects equal treatment.",
        ],
    },
    "clause-type-execution-insertion": {
        "title": "Model clause: work integration performance condition (CCAP)",
        "summary": (
            "A ready-to-use CCAP article requiring the contractor to complete a volume of work "
            "integration hours."
        ),
        "paragraphs": [
            "The contractor undertakes to carry out a work integration action giving access or a "
            "return to employment to people facing social or professional difficulties, for a "
            "minimum number of hours set in the tender form.",
            "The article sets out how the clause is met, how the facilitator checks it and the "
            "penalties.",
        ],
    },
    "clause-type-critere-social": {
        "title": "Model clause: the “performance in work integration” award criterion",
        "summary": (
            "Wording of the social criterion and of its scoring method for the tender rules."
        ),
        "paragraphs": [
            "Criterion no. 3: performance in the professional integration of people facing "
            "difficulties (10%), assessed on the proposed method for welcoming, supervising and "
            "training them.",
            "The scoring distinguishes support, mentoring and employment prospects.",
        ],
    },
    "clause-type-marche-reserve-siae": {
        "title": "Model clause: notice of a contract reserved for SIAEs",
        "summary": (
            "Wording to include in the notice and the rules of a contract reserved for work "
            "integration enterprises."
        ),
        "paragraphs": [
            "“This contract is reserved, under Article L2113-13 of the Public Procurement Code, "
            "for work integration enterprises (SIAE) and equivalent organisations.”",
            "The tender rules specify the supporting documents expected from bidders.",
        ],
    },
    "clause-type-marche-reserve-handicap": {
        "title": "Model clause: contract reserved for disability (EAs and ESATs)",
        "summary": ("Wording for a contract or a lot reserved for adapted enterprises and ESATs."),
        "paragraphs": [
            "“This lot is reserved, under Article L2113-12 of the Public Procurement Code, for "
            "adapted enterprises and sheltered employment establishments and services.”",
            "Bidders show that at least 50% of their workers have a disability.",
        ],
    },
    "clause-type-double-reservation": {
        "title": "Model clause: double reservation under L2113-14",
        "summary": (
            "Wording for a contract reserved for both disability and work integration "
            "organisations."
        ),
        "paragraphs": [
            "“This contract is reserved, under Article L2113-14 of the Public Procurement Code, "
            "for the operators referred to in Articles L2113-12 and L2113-13.”"
        ],
    },
    "clause-type-btp-lots": {
        "title": "Model clause: allocating work integration hours across building lots",
        "summary": (
            "A table and a CCAP article for sharing work integration hours between the lots of "
            "a building project."
        ),
        "paragraphs": [
            "For each lot, the number of work integration hours is set from the labour content: "
            "structural work, carpentry, plastering, painting, electrical work.",
            "Hours not completed on one lot may be made up on another with the project owner's "
            "agreement.",
        ],
    },
    "clause-type-services-nettoyage": {
        "title": "Model clause: work integration in a cleaning contract",
        "summary": "A performance clause suited to cleaning and premises upkeep contracts.",
        "paragraphs": [
            "In cleaning services contracts, the clause provides for a percentage of the hours "
            "worked to be given to people in work integration.",
            "The transfer of existing staff is coordinated with the clause.",
        ],
    },
    "clause-type-obligation-2026": {
        "title": "Model clause: minimum social consideration for the 2026 obligation",
        "summary": (
            "A simple social performance condition for contracts above the European thresholds."
        ),
        "paragraphs": [
            "The proposed clause meets the obligation of Article 35 of the Climate and Resilience "
            "Act in contracts where a standard work integration clause does not fit: training, "
            "mentoring, taking on trainees.",
            "It remains proportionate to the subject matter of the contract.",
        ],
    },
    "ref-code-commande-publique-extraits": {
        "title": "Extracts from the Public Procurement Code: the social articles",
        "summary": (
            "A collection of the articles of the Code on social clauses, reserved contracts and "
            "social criteria."
        ),
        "paragraphs": [
            "The collection brings together Articles L2111-3, L2112-2, L2113-12 to L2113-14, "
            "L2152-7 and R2152-7 of the Public Procurement Code (CCP)."
        ],
    },
    "ref-plaquette-mics34": {
        "title": "Brochure of the Mission Interinstitutionnelle Clause Sociale 34",
        "summary": "The mission, its two areas of work and the team's contact details.",
        "paragraphs": [
            "The brochure presents the resources and coordination hub and the hub promoting "
            "socially responsible purchasing."
        ],
    },
    "ref-charte-facilitateurs": {
        "title": "Charter of the social clause facilitators of the département",
        "summary": (
            "The shared commitments of the facilitators of the Hérault: welcoming buyers, "
            "monitoring, observatory."
        ),
        "paragraphs": [
            "The charter sets out the role of the facilitator, the single contact for the buyer "
            "and the companies in implementing the social clause.",
            "It organises data sharing for the département's observatory.",
        ],
    },
    "ref-modele-bilan-execution": {
        "title": "Template for reporting on the performance of a social clause",
        "summary": (
            "An end-of-contract report template: hours completed, participants, employment "
            "contracts, outcomes."
        ),
        "paragraphs": [
            "Facilitators use the template to report the results of the clause to the buyer."
        ],
    },
    "ref-lexique": {
        "title": "Glossary of social clauses: SIAE, EA, ESAT, GEIQ, ETTI",
        "summary": "The acronyms of work integration and disability explained to public buyers.",
        "paragraphs": [
            "SIAE: work integration enterprise (structure d'insertion par l'activité économique: "
            "EI, ETTI, AI, ACI). EA: adapted enterprise (entreprise adaptée). ESAT: sheltered "
            "employment establishment and service (établissement et service d'aide par le "
            "travail). GEIQ: employers' group for integration and qualification (groupement "
            "d'employeurs pour l'insertion et la qualification)."
        ],
    },
}
