"""Legal references as one unit (core.search.analysis): however the visitor writes one, the hub finds
the resources citing that reference, in the title, summary, body, attached documents or taxonomy, and
not those citing its neighbours. Runs on SQLite and on PostgreSQL; Elasticsearch's char filters are
the same patterns (tests/home/test_search_engines.py)."""

import datetime

from django.core.files.base import ContentFile

import pytest

from core.factories import DocumentFactory, pdf_bytes
from core.search.analysis import normalise_query_references, normalise_references
from resources.factories import LegalReferenceFactory

from .conftest import make_resource

DAY = datetime.date(2024, 3, 1)


@pytest.mark.parametrize(
    ("written", "token"),
    [
        ("L2112-2", "l2112x2"),
        ("L. 2112-2", "l2112x2"),
        ("article L2112-2", "l2112x2"),
        ("l2112-2", "l2112x2"),
        ("R2152-7", "r2152x7"),
        ("D2111-3", "d2111x3"),
        ("loi 2021-1104", "loi2021x1104"),
        ("loi n° 2021-1104", "loi2021x1104"),
        ("Décret n° 2016-360", "decret2016x360"),
        ("directive 2014/24/UE", "dirue2014x24"),
    ],
)
def test_a_reference_however_written_is_one_token(written, token):
    assert normalise_query_references(written) == token


def test_references_in_a_text_become_tokens_and_the_rest_stays():
    text = "la directive européenne 2014/24/UE et les articles L2113-12 à L2113-14, le 22 août 2026"
    assert normalise_references(text) == (
        "la directive européenne dirue2014x24 et les articles l2113x12 à l2113x14, le 22 août 2026"
    )


@pytest.fixture
def neighbours(hub, locales):
    """Resources citing L2112-2 in each field, and others citing its neighbours only."""
    reference = LegalReferenceFactory(name="CCP L2112-2", slug="ccp-l2112-2")
    return {
        "title": make_resource(
            hub, "L'article L2112-2 expliqué", "Conditions sociales.", "Texte.", DAY
        ),
        "summary": make_resource(
            hub, "Conditions d'exécution", "Ce que dit l'article L. 2112-2.", "Texte.", DAY
        ),
        "body": make_resource(hub, "Une note", "Résumé.", "Voir l'article l2112-2 du code.", DAY),
        "taxonomy": make_resource(
            hub, "Une autre note", "Résumé.", "Texte.", DAY, legal_references=[reference]
        ),
        "neighbour": make_resource(
            hub,
            "Les articles L2112-1 et L2113-2",
            "L2112-1 et L2113-2 : les voisins.",
            "Les articles L2112-1, L2112-3 et R2112-2 ; 2112 et 2.",
            DAY,
        ),
        "law": make_resource(
            hub, "Loi Climat", "La loi n° 2021-1104 du 22 août 2021.", "Texte.", DAY
        ),
        "other law": make_resource(
            hub, "Une autre loi", "La loi 2021-1105, puis 1104 mesures.", "Texte.", DAY
        ),
        "directive": make_resource(
            hub, "Le droit européen", "La directive 2014/24/UE.", "Texte.", DAY
        ),
        "other directive": make_resource(
            hub, "Concessions", "La directive 2014/23/UE sur les concessions.", "24 lots.", DAY
        ),
    }


def found(client, hub, query):
    response = client.get(hub.url, {"q": query})
    return {entry["page"].pk for entry in response.context["entries"]}


@pytest.mark.parametrize("query", ["L2112-2", "L. 2112-2", "article L2112-2", "l2112-2"])
def test_the_reference_finds_every_field_citing_it_and_not_its_neighbours(
    client, hub, neighbours, query
):
    wanted = {neighbours[key].pk for key in ("title", "summary", "body", "taxonomy")}
    assert found(client, hub, query) == wanted


def test_a_law_and_a_directive_match_their_own_number_only(client, hub, neighbours):
    assert found(client, hub, "loi 2021-1104") == {neighbours["law"].pk}
    assert found(client, hub, "directive 2014/24/UE") == {neighbours["directive"].pk}


def test_a_reference_nobody_cites_finds_nothing(client, hub, neighbours):
    assert found(client, hub, "D2112-2") == set()


def test_the_reference_in_an_attached_document_is_found(client, hub, neighbours):
    document = DocumentFactory(
        title="Annexe",
        file=ContentFile(pdf_bytes("Annexe", ["Rappel : article R2152-7."]), name="annexe.pdf"),
    )
    page = make_resource(hub, "Guide avec annexe", "Un guide.", "Texte.", DAY, documents=[document])
    assert found(client, hub, "R. 2152-7") == {page.pk}


def test_elasticsearch_joins_references_with_the_same_patterns_before_tokenizing():
    from wagtail.search.backends import get_search_backend

    from config.search import elasticsearch_backend
    from core.search.analysis import REFERENCE_PATTERNS

    params = elasticsearch_backend("http://127.0.0.1:9", "test_")
    backend = get_search_backend(params.pop("BACKEND"), **params)
    analysis = backend.settings["settings"]["analysis"]
    filters = [
        analysis["char_filter"][name] for name in analysis["analyzer"]["default"]["char_filter"]
    ]
    assert [(f["type"], f["pattern"], f["replacement"]) for f in filters] == [
        ("pattern_replace", pattern, replacement) for pattern, replacement in REFERENCE_PATTERNS
    ]
