"""Editors' picks: an editor promotes a resource for some words in the admin, and a visitor who searches
those words (any case, any accents) sees it above the results of the hub and of the site search."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest

from core.permissions import EDITORS

pytestmark = pytest.mark.django_db


def promoted(response):
    return [(link["title"], link["url"]) for link in response.context["promoted"]]


@pytest.fixture
def editor_client(client, django_user_model, home_page):
    user = django_user_model.objects.create_user(
        username="redactrice", password="un mot de passe assez long", email="r@example.org"
    )
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return client


def promote(query_string, page=None, **fields):
    query, _ = Query.objects.get_or_create(query_string=query_string)
    return SearchPromotion.objects.create(query=query, page=page, sort_order=0, **fields)


def test_an_editor_promotes_a_resource_and_visitors_see_it_first(
    editor_client, client, resources, hub
):
    guide = resources.criteria
    response = editor_client.post(
        reverse("wagtailsearchpromotions:add"),
        {
            "query_string": "Marché Réservé",
            "editors_picks-TOTAL_FORMS": 1,
            "editors_picks-INITIAL_FORMS": 0,
            "editors_picks-MAX_NUM_FORMS": 1000,
            "editors_picks-0-DELETE": "",
            "editors_picks-0-ORDER": 0,
            "editors_picks-0-page": guide.pk,
            "editors_picks-0-description": "Le guide de la mission, à lire d'abord.",
        },
    )
    assert response.status_code == 302
    client.logout()

    response = client.get(hub.url, {"q": "marche reserve"})
    assert promoted(response) == [(guide.title, guide.url)]
    content = response.content.decode()
    assert "Recommandé par la mission" in content
    assert "Le guide de la mission, à lire d&#x27;abord." in content
    assert content.index("Recommandé par la mission") < content.index('id="resultats"')

    site = client.get("/recherche/", {"q": "MARCHÉ   réservé"})
    assert promoted(site) == [(guide.title, guide.url)]


def test_picks_answer_words_on_the_first_page_without_filters(client, resources, hub):
    promote("insertion", resources.insertion_building)
    assert promoted(client.get(hub.url, {"q": "insertion"}))
    assert not promoted(client.get(hub.url, {"q": "insertion", "annee": "2024"}))
    assert not promoted(client.get(hub.url, {"q": "insertion sociale"}))
    assert promoted(client.get(hub.url, {"q": "l'insertion"}))  # stop words and punctuation aside


def test_an_unpublished_or_foreign_page_is_not_shown_but_an_external_link_is(
    client, resources, hub, english_home
):
    draft = resources.reserved_siae
    draft.unpublish()
    promote("siae", draft)
    promote("siae", english_home)
    promote(
        "siae",
        external_link_url="https://www.inclusion.beta.gouv.fr/",
        external_link_text="Le marché de l'inclusion",
    )
    external = [("Le marché de l'inclusion", "https://www.inclusion.beta.gouv.fr/")]
    assert promoted(client.get(hub.url, {"q": "siae"})) == external
    assert promoted(client.get("/recherche/", {"q": "siae"})) == external


def test_a_search_does_not_store_the_visitors_words(client, resources, hub):
    client.get(hub.url, {"q": "mots jamais promus"})
    client.get("/recherche/", {"q": "autres mots"})
    assert not Query.objects.exists()


def test_the_picks_are_read_once_per_generation_and_a_new_one_shows_at_once(resources, hub):
    """The promotions are read once per page-cache generation, whatever the words searched (keyed
    by the editors' queries, not the visitor's); an editor's new pick purges and shows."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.search.promotions import promoted_links

    promote("insertion", resources.insertion_building)
    locale = hub.locale
    assert [link["url"] for link in promoted_links("insertion", locale)] == [
        resources.insertion_building.url
    ]
    with CaptureQueriesContext(connection) as queries:
        assert promoted_links("L'INSERTION", locale, within=None)
        assert promoted_links("des mots jamais promus", locale) == []
    assert not [q for q in queries.captured_queries if "searchpromotion" in q["sql"]]
    promote("insertion", resources.criteria)
    assert [link["url"] for link in promoted_links("insertion", locale)] == [
        resources.insertion_building.url,
        resources.criteria.url,
    ]
