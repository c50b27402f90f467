"""The English texts of the documentary watch, keyed by the French resource's slug."""

DOCUMENTARY_WATCH = {
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
}
