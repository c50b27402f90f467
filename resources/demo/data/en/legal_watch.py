"""The English texts of the legal watch, keyed by the French resource's slug."""

LEGAL_WATCH = {
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
}
