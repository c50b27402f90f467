"""The hub's search: relevance on the demo hub, filters and their counts, highlighting, sorting,
pagination, and that no query or parameter breaks it."""

import html

from django.core.management import call_command

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.search.highlight import highlight_best_passage, highlight_passage, highlight_title


def titles(response):
    return [entry["page"].title for entry in response.context["entries"]]


def facet(response, name):
    for item in response.context["facets"]:
        if item["name"] == name:
            return {option["value"]: option["count"] for option in item["options"]}
    raise AssertionError(name)


@pytest.fixture
def demo_hub(home_page):
    from resources.demo import load_demo_resources

    hub, _created, _updated = load_demo_resources(home_page)
    return hub


def theme_slugs(response, count):
    return [
        {theme.slug for theme in entry["page"].themes.all()}
        for entry in response.context["entries"][:count]
    ]


def test_reserved_contracts_for_disability_come_first(client, demo_hub):
    response = client.get(demo_hub.url, {"q": "marché réservé handicap"})
    assert response.status_code == 200
    for slugs in theme_slugs(response, 3):
        assert {"marches-reserves", "handicap"} <= slugs


def test_insertion_clause_in_building_comes_first(client, demo_hub):
    response = client.get(demo_hub.url, {"q": "clause insertion bâtiment"})
    assert response.status_code == 200
    found = titles(response)
    assert (
        "Clause d'insertion dans les marchés de bâtiment : le guide du maître d'ouvrage"
        in (found[:3])
    )
    for slugs in theme_slugs(response, 3):
        assert "btp" in slugs


def test_search_ignores_accents_and_case(client, resources, hub):
    response = client.get(hub.url, {"q": "BATIMENT"})
    assert titles(response) == ["Clause d'insertion dans les marchés de bâtiment"]


def test_search_finds_plurals_of_the_words_typed(client, resources, hub):
    # "marché réservé" in the query, "marchés réservés" in the title.
    response = client.get(hub.url, {"q": "marché réservé ESAT"})
    assert titles(response) == ["Marchés réservés aux entreprises adaptées et ESAT"]


def test_search_requires_every_word(client, resources, hub):
    response = client.get(hub.url, {"q": "insertion licorne"})
    assert titles(response) == []
    assert "Aucune ressource pour « insertion licorne »" in html.unescape(response.content.decode())


def test_french_stop_words_are_left_out_of_the_words_to_find(client, resources, hub):
    plain = titles(client.get(hub.url, {"q": "marchés réservés handicap"}))
    worded = titles(client.get(hub.url, {"q": "les marchés réservés pour le handicap"}))
    assert plain and worded == plain


def test_quoted_phrase_matches_only_the_exact_phrase(client, resources, hub):
    response = client.get(hub.url, {"q": '"personnes éloignées de l\'emploi"'})
    assert titles(response) == ["Clause d'insertion dans les marchés de bâtiment"]


def test_search_finds_a_resource_by_its_legal_reference(client, resources, hub):
    response = client.get(hub.url, {"q": "L2113-12"})
    assert titles(response) == ["Marchés réservés aux entreprises adaptées et ESAT"]


def test_filters_combine_and_count_their_results(client, resources, hub):
    response = client.get(hub.url, {"theme": "marches-reserves"})
    assert sorted(titles(response)) == [
        "Marchés réservés aux entreprises adaptées et ESAT",
        "Réserver un marché aux SIAE",
    ]
    assert facet(response, "nature") == {"legal_watch": 1, "guide": 1}
    assert facet(response, "annee") == {"2024": 1, "2021": 1}
    response = client.get(hub.url, {"theme": "marches-reserves", "nature": "guide"})
    assert titles(response) == ["Réserver un marché aux SIAE"]


def test_filter_counts_follow_the_query(client, resources, hub):
    response = client.get(hub.url, {"q": "insertion"})
    assert facet(response, "public") == {"acheteurs": 2, "entreprises": 2}
    assert facet(response, "theme") == {
        "clause-insertion": 1,
        "criteres-attribution": 1,
        "marches-reserves": 1,
    }


def test_filters_by_audience_reference_and_year(client, resources, hub):
    assert titles(client.get(hub.url, {"public": "entreprises", "annee": "2023"})) == [
        "Clause d'insertion dans les marchés de bâtiment"
    ]
    assert titles(client.get(hub.url, {"reference": "ccp-l2113-12"})) == [
        "Marchés réservés aux entreprises adaptées et ESAT"
    ]


def test_unknown_filter_value_is_ignored_with_a_french_message(client, resources, hub):
    response = client.get(hub.url, {"theme": "licorne", "annee": "abc"})
    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    assert "Le filtre « licorne » n'existe pas : il a été ignoré." in text
    assert len(titles(response)) == 4


def test_without_a_query_resources_come_newest_first(client, resources, hub):
    response = client.get(hub.url)
    dates = [entry["page"].date for entry in response.context["entries"]]
    assert dates == sorted(dates, reverse=True)


def test_sort_by_date_with_a_query(client, resources, hub):
    response = client.get(hub.url, {"q": "insertion", "tri": "date"})
    dates = [entry["page"].date for entry in response.context["entries"]]
    assert len(dates) == 3
    assert dates == sorted(dates, reverse=True)


def test_results_paginate_and_keep_the_filters_in_the_links(client, hub, taxonomy):
    import datetime

    from tests.resources.conftest import make_resource

    for number in range(12):
        make_resource(
            hub,
            f"Note numéro {number}",
            "Une note sur la clause d'insertion.",
            "Texte de la note.",
            datetime.date(2020, 1, number + 1),
            themes=[taxonomy.insertion],
        )
    response = client.get(hub.url, {"theme": "clause-insertion"})
    assert len(titles(response)) == 10
    assert "theme=clause-insertion&amp;page=2" in response.content.decode()
    response = client.get(hub.url, {"theme": "clause-insertion", "page": "2"})
    assert len(titles(response)) == 2
    response = client.get(hub.url, {"theme": "clause-insertion", "page": "99"})
    assert "Cette page de résultats n'existe pas" in html.unescape(response.content.decode())


def test_matched_passage_is_highlighted(client, resources, hub):
    response = client.get(hub.url, {"q": "handicap"})
    content = response.content.decode()
    assert "<mark>handicap</mark>" in content


def test_highlight_escapes_html_and_folds_accents():
    passage = highlight_passage("<b>Les marchés réservés</b> aux ESAT", "marche reserve")
    assert (
        str(passage) == "&lt;b&gt;Les <mark>marchés</mark> <mark>réservés</mark>&lt;/b&gt; aux ESAT"
    )
    assert str(highlight_title("Clause <i>& bâtiment", "batiment")) == (
        "Clause &lt;i&gt;&amp; <mark>bâtiment</mark>"
    )


def test_passage_comes_from_the_text_that_shows_more_of_the_query():
    read = []

    def text(value):
        def reader():
            read.append(value)
            return value

        return reader

    summary = text("Un marché réservé aux structures.")
    body = text("Un marché réservé aux travailleurs en situation de handicap.")
    passage = highlight_best_passage([summary, body], "marché réservé handicap")
    assert "<mark>handicap</mark>" in passage and "<mark>réservé</mark>" in passage
    read.clear()
    passage = highlight_best_passage([summary, body], "marché réservé")
    assert read == ["Un marché réservé aux structures."]
    assert passage.startswith("Un <mark>marché</mark> <mark>réservé</mark>")


def test_highlight_without_a_matching_word_is_empty():
    assert highlight_passage("Un texte sans rapport.", "licorne") == ""


def test_no_result_page_suggests_themes(client, resources, hub):
    response = client.get(hub.url, {"q": "licorne"})
    content = html.unescape(response.content.decode())
    assert "Marchés réservés" in content
    assert "?theme=marches-reserves" in content


def test_hub_refuses_post(client, hub):
    assert client.post(hub.url).status_code == 405


QUERY_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300
) | st.sampled_from(
    ['"', '"marché', "AND OR NOT", "*", "^", "NEAR(a b)", "'; DROP TABLE x; --", "a:b"]
)
PARAM = st.one_of(st.text(max_size=30), st.integers(-5, 10**12).map(str))


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    query=QUERY_TEXT,
    page=PARAM,
    kind=PARAM,
    theme=st.sampled_from(["", "marches-reserves", "inconnu"]) | PARAM,
    year=PARAM,
    sort=st.sampled_from(["", "date", "pertinence", "autre"]),
)
def test_hub_answers_any_query_and_parameters(
    client, resources, hub, query, page, kind, theme, year, sort
):
    response = client.get(
        hub.url,
        {"q": query, "page": page, "nature": kind, "theme": theme, "annee": year, "tri": sort},
    )
    assert response.status_code == 200
    feed = client.get(hub.url + "flux/atom/", {"q": query, "theme": theme, "annee": year})
    assert feed.status_code == 200
    suggestions = client.get(hub.url + "suggestions/", {"q": query})
    assert suggestions.status_code == 200


def test_hub_answers_a_ten_thousand_character_query(client, resources, hub):
    response = client.get(hub.url, {"q": "marché " * 1500})
    assert response.status_code == 200
    assert "seuls ses 200 premiers caractères" in html.unescape(response.content.decode())


def test_demo_content_is_idempotent_and_has_forty_resources(home_page):
    from resources.demo import load_demo_resources
    from resources.models import DocumentText, ResourcePage

    _hub, created, _updated = load_demo_resources(home_page)
    assert created >= 40
    _hub, created, updated = load_demo_resources(home_page)
    assert (created, updated) == (0, 0)
    assert ResourcePage.objects.live().count() >= 40
    assert len({page.date.year for page in ResourcePage.objects.all()}) == 8
    assert DocumentText.objects.filter(status="ok").count() >= 5


def test_demo_command_links_the_hub_from_the_menu_and_the_home_page(db, settings):
    from wagtail.models import Site

    from home.models import HomePage, NavigationSettings
    from resources.models import ResourceIndexPage

    settings.WAGTAILADMIN_BASE_URL = "http://localhost"
    call_command("load_demo_content", verbosity=0)
    hub = ResourceIndexPage.objects.get(locale__language_code="fr")
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    assert hub.pk in [item.page_id for item in navigation.main_menu_items.all()]
    home = HomePage.objects.get(locale__language_code="fr")
    assert f'href="{hub.url}"' in "".join(str(block) for block in home.body)


def test_site_search_shows_a_resource_with_its_best_highlighted_passage(client, resources, hub):
    response = client.get("/recherche/", {"q": "ESAT"})
    content = html.unescape(response.content.decode())
    # The title with the query's word highlighted, as in the hub.
    title = resources.reserved_disability.title.replace("ESAT", "<mark>ESAT</mark>")
    assert title in content
    # The summary does not name ESAT: the passage comes from the body, as in the hub.
    assert "entreprises adaptées et à des <mark>ESAT</mark> dont" in content
