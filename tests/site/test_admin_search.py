"""Every admin listing that offers a search box answers a search: the snippets' and the other model
viewsets' lists, with words that match and words that match nothing. A listing whose model is indexed
for the site's search but searches fields the index does not hold raised Wagtail's SearchFieldError
(a 500 for the editor who typed a SIRET in the actors' list)."""

from django.urls import reverse

from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

import pytest

pytestmark = pytest.mark.django_db


def searchable_viewsets():
    for viewset in viewsets.viewsets:
        if isinstance(viewset, ModelViewSet) and viewset.search_fields:
            yield viewset


def test_the_admin_has_searchable_listings(home_page):
    names = {viewset.model._meta.label for viewset in searchable_viewsets()}
    assert {"directory.Actor", "tenders.Notice", "tenders.Contract"} <= names


@pytest.mark.parametrize("query", ["insertion", "34172", "12345678901234", "zzzz introuvable"])
def test_every_searchable_admin_listing_answers_a_search(admin_client, home_page, query):
    for viewset in searchable_viewsets():
        # Snippets name their listing "list", the other model viewsets "index".
        name = "list" if isinstance(viewset, SnippetViewSet) else "index"
        response = admin_client.get(reverse(viewset.get_url_name(name)), {"q": query})
        assert response.status_code == 200, (viewset.model._meta.label, response.status_code)
        results = admin_client.get(reverse(viewset.get_url_name(f"{name}_results")), {"q": query})
        assert results.status_code == 200, (viewset.model._meta.label, results.status_code)
