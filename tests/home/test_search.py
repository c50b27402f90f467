"""The search view at /recherche/: what it finds, its French messages, and that no query breaks it."""

import html

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from home.views import SEARCH_MAX_LENGTH, SEARCH_PAGE_SIZE

SEARCH_URL = "/recherche/"


def page_text(response):
    return html.unescape(response.content.decode())


def result_titles(response):
    results_page = response.context["results_page"]
    return [page.title for page in results_page] if results_page else []


def test_search_finds_a_published_page_by_a_word_of_its_body(client, content_page):
    response = client.get(SEARCH_URL, {"q": "insertion"})
    assert response.status_code == 200
    assert result_titles(response) == ["Les marchés réservés"]


def test_search_runs_the_full_text_match_once(client, content_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    marker = "@@" if connection.vendor == "postgresql" else " MATCH "
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH_URL, {"q": "insertion"})
    assert result_titles(response) == ["Les marchés réservés"]
    assert response.context["results_page"].paginator.count == 1
    assert len([q for q in queries.captured_queries if marker in q["sql"]]) == 1


def test_search_result_links_to_the_page(client, content_page):
    response = client.get(SEARCH_URL, {"q": "insertion"})
    assert f'href="{content_page.url}"' in response.content.decode()


def test_search_ignores_unpublished_pages(client, content_page):
    content_page.unpublish()
    response = client.get(SEARCH_URL, {"q": "insertion"})
    assert result_titles(response) == []


def test_search_with_every_word_required(client, content_page):
    response = client.get(SEARCH_URL, {"q": "insertion licorne"})
    assert result_titles(response) == []


def test_search_without_results_says_so_in_french(client, content_page):
    response = client.get(SEARCH_URL, {"q": "licorne"})
    assert response.status_code == 200
    assert "Aucun résultat" in page_text(response)


def test_search_keeps_to_the_visitors_language(client, english_content_page):
    response = client.get("/en/search/", {"q": "integration"})
    assert result_titles(response) == ["Reserved contracts"]
    response = client.get(SEARCH_URL, {"q": "integration"})
    assert result_titles(response) == []


def test_search_page_number_that_is_not_a_number_gives_a_french_message(client, content_page):
    response = client.get(SEARCH_URL, {"q": "insertion", "page": "abc"})
    assert response.status_code == 200
    assert "Le numéro de page « abc » n'est pas valide" in page_text(response)
    assert result_titles(response) == ["Les marchés réservés"]


def test_search_page_number_out_of_range_gives_the_last_page_in_french(client, content_page):
    response = client.get(SEARCH_URL, {"q": "insertion", "page": "99"})
    assert response.status_code == 200
    assert "Cette page de résultats n'existe pas : voici la dernière." in page_text(response)
    assert result_titles(response) == ["Les marchés réservés"]


def test_search_paginates_the_results(client, home_page):
    from home.factories import ContentPageFactory

    for number in range(SEARCH_PAGE_SIZE + 1):
        ContentPageFactory(
            parent=home_page,
            title=f"Clause numéro {number}",
            slug=f"clause-{number}",
            intro="Une clause sociale d'insertion.",
        )
    first = client.get(SEARCH_URL, {"q": "insertion"})
    second = client.get(SEARCH_URL, {"q": "insertion", "page": "2"})
    assert len(result_titles(first)) == SEARCH_PAGE_SIZE
    assert len(result_titles(second)) == 1
    assert "?q=insertion&amp;page=2" in first.content.decode()


def test_search_cuts_a_long_query_and_says_so(client, content_page):
    response = client.get(SEARCH_URL, {"q": "insertion " * 2000})
    assert response.status_code == 200
    assert len(response.context["search_query"]) <= SEARCH_MAX_LENGTH
    assert "Votre recherche était trop longue" in page_text(response)


def test_search_without_a_query_shows_the_empty_form(client, home_page):
    response = client.get(SEARCH_URL)
    assert response.status_code == 200
    assert response.context["results_page"] is None


def test_search_refuses_post(client, home_page):
    assert client.post(SEARCH_URL, {"q": "x"}).status_code == 405


HOSTILE_QUERIES = [
    "x" * 10_000,
    '"marchés',
    'marchés"',
    '"""',
    "\x00",
    "insertion\x00réservé",
    "AND",
    "OR",
    "NOT",
    "insertion AND",
    "OR insertion",
    "NOT insertion",
    "insertion*",
    "*",
    "(",
    ")",
    "(insertion",
    "NEAR(insertion emploi)",
    "NEAR",
    "insertion NEAR/2 emploi",
    "^insertion",
    "title:insertion",
    "-insertion",
    "+",
    "{}[]",
    "'; DROP TABLE wagtailcore_page; --",
    "%",
    "_",
    "\\",
    "é" * 300,
    "🙂",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_search_answers_any_query(client, content_page, query):
    assert client.get(SEARCH_URL, {"q": query}).status_code == 200


@pytest.mark.parametrize("page", ["abc", "-1", "0", "1.5", "9" * 50, "\x00", "", "1e3", "NaN"])
def test_search_answers_any_page_number(client, content_page, page):
    assert client.get(SEARCH_URL, {"q": "insertion", "page": page}).status_code == 200


def test_search_answers_a_query_given_twice(client, content_page):
    assert client.get(SEARCH_URL + "?q=insertion&q=emploi&page=1&page=x").status_code == 200


# Lone surrogates cannot be encoded into a URL by any client: leave them out.
url_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=url_text, page=url_text)
def test_search_answers_arbitrary_text(client, content_page, query, page):
    response = client.get(SEARCH_URL, {"q": query, "page": page})
    assert response.status_code == 200


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    words=st.lists(
        st.sampled_from(
            [
                "AND",
                "OR",
                "NOT",
                "NEAR",
                "*",
                '"',
                "(",
                ")",
                "insertion",
                "marché",
                "-",
                "+",
                ":",
                "^",
                "réservé",
                "emploi",
                "\x00",
                "NEAR/3",
                "''",
            ]
        ),
        max_size=12,
    )
)
@example(words=["-", "''", "AND"])  # once a 500 on PostgreSQL ("-''AND")
def test_search_answers_any_mix_of_search_operators(client, content_page, words):
    assert client.get(SEARCH_URL, {"q": " ".join(words)}).status_code == 200
    assert client.get(SEARCH_URL, {"q": "".join(words)}).status_code == 200


@pytest.mark.postgres
def test_search_on_postgresql_folds_accents_and_stems_french(client, content_page):
    # The body says "réservés"; french_unaccent folds the accent and stems both words alike.
    response = client.get(SEARCH_URL, {"q": "reserves"})
    assert result_titles(response) == ["Les marchés réservés"]


@pytest.mark.postgres
def test_search_on_postgresql_finds_the_singular_of_a_plural(client, content_page):
    response = client.get(SEARCH_URL, {"q": "marché réservé"})
    assert result_titles(response) == ["Les marchés réservés"]


def test_each_result_shows_its_kind_date_and_a_highlighted_passage(client, content_page):
    response = client.get(SEARCH_URL, {"q": "insertion"})
    content = response.content.decode()
    meta = content.split('class="search-result__meta">')[1].split("</p>")[0]
    assert meta.startswith("Page de contenu · <time")
    assert content_page.first_published_at.strftime("%Y-%m-%d") in meta
    passage = content.split('class="search-result__passage">')[1].split("</p>")[0]
    assert "structures d&#x27;<mark>insertion</mark>" in passage
