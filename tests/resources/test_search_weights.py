"""Field weights that mean the same on every backend (settings.SEARCH_FIELD_WEIGHTS): a word in the
title weighs more than in the summary, more than in the body, more than in attached documents and
taxonomy names. On SQLite and PostgreSQL, with the words placed so that only the field differs."""

import datetime

import pytest

from core.search.backends import sql_weights, weight_class
from core.search.matching import title_weight

from .conftest import make_resource

DAY = datetime.date(2024, 3, 1)


def test_each_field_takes_the_weight_class_of_its_role(settings):
    assert [weight_class(name) for name in ("title", "summary", "body", "attachments_text")] == [
        "A",
        "B",
        "C",
        "D",
    ]
    assert weight_class("taxonomy_text") == "D"
    assert weight_class("legal_references_text") == "B"
    assert weight_class("a_field_nobody_named") == "C"
    # ts_rank's array is {D, C, B, A}, relative to the title.
    assert sql_weights() == "{0.1000,0.2500,0.5000,1.0000}"
    assert title_weight() == 4.0


def test_changing_the_setting_changes_every_backend(settings):
    settings.SEARCH_FIELD_WEIGHTS = {"title": 3.0, "summary": 3.0, "default": 1.0}
    assert weight_class("summary") == "A" and weight_class("body") == "B"
    assert title_weight() == 3.0


@pytest.fixture
def placed(hub, locales):
    """The word "sourcing" once, in a different field of each resource."""
    return [
        make_resource(hub, "Le sourcing des achats", "Un résumé.", "Un texte.", DAY),
        make_resource(hub, "Une fiche", "Le sourcing des achats.", "Un texte.", DAY),
        make_resource(hub, "Une note", "Un résumé.", "Le sourcing des achats.", DAY),
    ]


def test_title_above_summary_above_body(client, hub, placed):
    response = client.get(hub.url, {"q": "sourcing"})
    assert [entry["page"].pk for entry in response.context["entries"]] == [p.pk for p in placed]


def test_a_resource_classed_under_an_article_comes_before_one_citing_it_in_a_list(client, hub):
    from resources.factories import LegalReferenceFactory

    reference = LegalReferenceFactory(name="CCP L2152-7", slug="ccp-l2152-7")
    citing = make_resource(
        hub,
        "Recueil des articles",
        "Les articles du code.",
        "Le recueil cite les articles L2111-3, L2112-2, L2152-7 et R2152-7.",
        DAY,
    )
    classed = make_resource(
        hub,
        "Un critère social lié à l'objet du marché",
        "Le juge confirme le critère.",
        "Un critère d'attribution social porte sur l'exécution du marché.",
        DAY,
        legal_references=[reference],
    )
    response = client.get(hub.url, {"q": "L2152-7"})
    assert [entry["page"].pk for entry in response.context["entries"]] == [classed.pk, citing.pk]
