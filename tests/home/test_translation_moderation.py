"""A translator of the Rédacteurs group submits a translation for moderation (wagtail-localize's
editor only lets those who may publish do anything but delete it)."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page, WorkflowState

import pytest

from core.factories import paragraph
from core.permissions import EDITORS
from core.translation import translate_page


@pytest.fixture
def translated_page(content_page, english_home, locales):
    translate_page(
        content_page,
        {
            "title": "Reserved contracts",
            "body": [paragraph("<p>Reserved for work integration.</p>")],
        },
        locales.en,
    )
    return Page.objects.get(translation_key=content_page.translation_key, locale=locales.en)


@pytest.fixture
def translator_client(client, django_user_model):
    user = django_user_model.objects.create_user(username="traductrice", password="x" * 20)
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return client, user


def test_translator_submits_a_translation_for_moderation(translator_client, translated_page):
    client, user = translator_client
    url = reverse("home_submit_translation", args=[translated_page.pk])
    listing = client.get(reverse("wagtailadmin_explore", args=[translated_page.get_parent().pk]))
    assert url in listing.content.decode()
    confirmation = client.get(url)
    assert "Soumettre à la modération" in confirmation.content.decode()
    response = client.post(url)
    assert response.status_code == 302
    state = WorkflowState.objects.for_instance(translated_page).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == user
    # Submitted again while in moderation: refused (the admin sends refusals to its home page).
    assert client.post(url)["Location"] == reverse("wagtailadmin_home")
    assert WorkflowState.objects.for_instance(translated_page).count() == 1


def test_a_source_page_has_no_translation_to_submit(translator_client, content_page):
    client, _user = translator_client
    url = reverse("home_submit_translation", args=[content_page.pk])
    assert client.get(url)["Location"] == reverse("wagtailadmin_home")
