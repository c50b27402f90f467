"""The English texts of the reference documents, keyed by the French resource's slug."""

REFERENCE_DOCUMENTS = {
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
