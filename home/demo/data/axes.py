"""The page on the two work axes of the brochure."""

from core.factories import call_to_action, heading, link, paragraph, quote

from .shared import AXES, BROCHURE_QUOTE


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
            "Les deux axes de travail de la MICS 34 : un pôle ressources et coordination, et la "
            "promotion des clauses sociales auprès des acheteurs publics.",
            "The two areas of work of MICS 34: a resources and coordination hub, and promoting "
            "social clauses to public buyers.",
        ),
        "intro": tr(
            "La MICS 34 agit sur deux axes : un pôle ressources et coordination au service des "
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
                    "PLIE ou les collectivités, accompagnent chacun un territoire : ils aident les "
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
                    "<p>Ce site fait partie de ces outils de communication : il rassemblera peu à peu "
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
                    "Facilitateur, entreprise ou structure d'insertion ?",
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
