"""The English texts of the model clauses, keyed by the French resource's slug."""

MODEL_CLAUSES = {
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
}
