"""A hub with a handful of resources whose texts the relevance tests rely on."""

import datetime
from types import SimpleNamespace

import pytest

from core.factories import paragraph


@pytest.fixture
def hub(home_page):
    from resources.factories import ResourceIndexPageFactory

    page = ResourceIndexPageFactory(parent=home_page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def taxonomy(locales):
    from resources.factories import AudienceFactory, LegalReferenceFactory, ThemeFactory

    return SimpleNamespace(
        reserved=ThemeFactory(name="Marchés réservés", slug="marches-reserves"),
        insertion=ThemeFactory(name="Clause d'insertion", slug="clause-insertion"),
        criteria=ThemeFactory(name="Critères d'attribution", slug="criteres-attribution"),
        buyers=AudienceFactory(name="Acheteurs publics", slug="acheteurs"),
        companies=AudienceFactory(name="Entreprises", slug="entreprises"),
        l2113_12=LegalReferenceFactory(name="CCP L2113-12", slug="ccp-l2113-12"),
        l2112_2=LegalReferenceFactory(name="CCP L2112-2", slug="ccp-l2112-2"),
    )


def make_resource(hub, title, summary, body, date, kind="legal_watch", **relations):
    from resources.factories import ResourcePageFactory

    page = ResourcePageFactory(
        parent=hub,
        title=title,
        summary=summary,
        body=[paragraph(f"<p>{body}</p>")],
        date=date,
        kind=kind,
        **relations,
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def resources(hub, taxonomy):
    t = taxonomy
    return SimpleNamespace(
        reserved_disability=make_resource(
            hub,
            "Marchés réservés aux entreprises adaptées et ESAT",
            "Un acheteur peut réserver un marché aux structures employant des travailleurs en "
            "situation de handicap.",
            "L'article L2113-12 du code permet de réserver des marchés ou des lots à des "
            "entreprises adaptées et à des ESAT dont au moins 50 % des travailleurs sont en "
            "situation de handicap : un marché réservé au handicap se prépare avec le réseau.",
            datetime.date(2024, 3, 12),
            themes=[t.reserved],
            audiences=[t.buyers],
            legal_references=[t.l2113_12],
        ),
        insertion_building=make_resource(
            hub,
            "Clause d'insertion dans les marchés de bâtiment",
            "Comment rédiger une clause d'insertion dans un marché de travaux de bâtiment.",
            "Une clause d'insertion fixe un nombre d'heures de travail réservées à des personnes "
            "éloignées de l'emploi sur le chantier du bâtiment.",
            datetime.date(2023, 6, 1),
            kind="guide",
            themes=[t.insertion],
            audiences=[t.buyers, t.companies],
            legal_references=[t.l2112_2],
        ),
        criteria=make_resource(
            hub,
            "Le critère social d'attribution",
            "Les performances en matière d'insertion professionnelle comme critère.",
            "Le critère d'attribution porte sur l'insertion des publics en difficulté; il doit "
            "être lié à l'objet du marché.",
            datetime.date(2022, 11, 20),
            themes=[t.criteria],
            audiences=[t.buyers],
        ),
        reserved_siae=make_resource(
            hub,
            "Réserver un marché aux SIAE",
            "Les marchés réservés aux structures d'insertion par l'activité économique.",
            "Un marché peut être réservé aux structures d'insertion; le handicap relève d'un "
            "autre article.",
            datetime.date(2021, 2, 5),
            kind="guide",
            themes=[t.reserved],
            audiences=[t.companies],
        ),
    )
