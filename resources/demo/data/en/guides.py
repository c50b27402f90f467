"""The English texts of the guides, keyed by the French resource's slug."""

GUIDES = {
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
}
