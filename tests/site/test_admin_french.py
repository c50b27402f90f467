"""The admin as the site's editors and moderators use it: listings in correct French, a dashboard
that shows what they have to handle and the import of subscribers under the newsletter menu (the
resources' taxonomies: tests/resources/test_admin_taxonomies.py)."""

import html
import re

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.contrib.forms.models import FormSubmission

import pytest

from core.permissions import EDITORS, MODERATORS

PASSWORD = "un mot de passe assez long"


@pytest.fixture
def make_user(django_user_model, home_page):
    def make(username, group_name):
        user = django_user_model.objects.create_user(username=username, password=PASSWORD)
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def moderator_client(client, make_user, verified_login):
    # Moderators use two-factor authentication (core.twofactor): signed in with it done.
    verified_login(client, make_user("moderateur", MODERATORS))
    return client


@pytest.fixture
def editor_client(client, make_user):
    client.force_login(make_user("redactrice", EDITORS))
    return client


def text_of(response):
    return html.unescape(response.content.decode())


def test_empty_listings_speak_correct_french(moderator_client):
    text = text_of(moderator_client.get(reverse("newsletter_sends:index")))
    assert "Ajouter un envoi" in text
    assert "Aucun envoi pour l'instant." in text
    assert "un(e)" not in text
    assert "Il n'y a pas de" not in text


def test_a_search_that_finds_nothing_says_so_in_french(moderator_client):
    text = text_of(moderator_client.get(reverse("newsletter_subscribers:index"), {"q": "zzz"}))
    assert "Aucun abonné ne correspond à votre recherche." in text
    assert "Aucun(e)" not in text


def test_feminine_models_get_feminine_labels(moderator_client):
    text = text_of(moderator_client.get(reverse("newsletter_suppressions:index")))
    assert "Aucune adresse exclue pour l'instant." in text


def test_snippet_listings_speak_correct_french(moderator_client):
    text = text_of(moderator_client.get(reverse("wagtailsnippets_resources_legalreference:list")))
    assert "Ajouter une référence juridique" in text
    assert "un(e)" not in text


def test_dashboard_shows_sends_contact_messages_and_unreadable_documents(
    moderator_client, contact_page
):
    from core.factories import DocumentFactory
    from resources.models import DocumentText

    FormSubmission.objects.create(page=contact_page, form_data={"nom": "Camille Martin"})
    document = DocumentFactory(title="Bilan scanné")
    DocumentText.objects.update_or_create(document=document, defaults={"status": "encrypted"})
    text = text_of(moderator_client.get(reverse("wagtailadmin_home")))
    assert "Envois de la lettre d'information" in text
    assert "Aucun envoi programmé ni terminé." in text
    assert "Derniers messages du formulaire de contact" in text
    assert "Camille Martin" in text
    assert "Documents dont le texte n'a pas pu être lu" in text
    assert "Bilan scanné" in text
    assert "Protégé par mot de passe" in text


def test_dashboard_of_an_editor_leaves_out_the_sends(editor_client):
    text = text_of(editor_client.get(reverse("wagtailadmin_home")))
    assert "Envois de la lettre d'information" not in text


def test_subscriber_import_is_under_the_newsletter_menu(moderator_client):
    from wagtail.admin.menu import admin_menu

    request = moderator_client.get(reverse("wagtailadmin_home")).wsgi_request
    top = {item.name: item for item in admin_menu.menu_items_for_request(request)}
    assert not any(
        getattr(item, "url", "") == reverse("newsletter_import") for item in top.values()
    )
    newsletter = next(item for item in top.values() if str(item.label) == "Lettre d'information")
    urls = [item.url for item in newsletter.menu.menu_items_for_request(request)]
    assert reverse("newsletter_import") in urls


def test_admin_css_lets_long_menu_labels_wrap(moderator_client):
    text = moderator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert re.search(r'<link rel="stylesheet" href="/static/home/admin/admin\.css', text)


def paris(*args):
    import datetime
    import zoneinfo

    return datetime.datetime(*args, tzinfo=zoneinfo.ZoneInfo("Europe/Paris"))


def test_admin_dates_read_as_french_writes_them(moderator_client, home_page):
    from newsletter.factories import NewsletterIndexPageFactory, NewsletterPageFactory
    from newsletter.models import CampaignSend, Subscriber

    index = NewsletterIndexPageFactory(parent=home_page)
    issue = NewsletterPageFactory(parent=index, title="Lettre n° 4")
    CampaignSend.objects.create(page=issue, scheduled_at=paris(2099, 4, 1, 14, 30))
    done = CampaignSend.objects.create(page=issue, scheduled_at=paris(2026, 3, 2, 9, 0))
    CampaignSend.objects.filter(pk=done.pk).update(
        status=CampaignSend.Status.DONE, finished_at=paris(2026, 3, 2, 9, 5)
    )
    Subscriber.objects.create(email="camille@example.org", created_at=paris(2026, 5, 1, 8, 0))

    dashboard = text_of(moderator_client.get(reverse("wagtailadmin_home")))
    assert "prévu le 1er avril 2099 à 14\u00a0h\u00a030" in dashboard
    assert "envoyé le 2 mars 2026 à 9\u00a0h\u00a005" in dashboard
    sends = text_of(moderator_client.get(reverse("newsletter_sends:index")))
    assert "1er avril 2099 à 14\u00a0h\u00a030" in sends
    assert "2 mars 2026 à 9\u00a0h\u00a005" in sends
    subscribers = text_of(moderator_client.get(reverse("newsletter_subscribers:index")))
    assert "1er mai 2026 à 8\u00a0h" in subscribers


def test_what_changed_a_moment_ago_reads_a_l_instant(moderator_client):
    from core.factories import DocumentFactory

    DocumentFactory(title="Bilan scanné")
    # Wagtail's relative dates (listings, history, dashboard): not "Il y a 0 minute".
    documents = text_of(moderator_client.get(reverse("wagtaildocs:index")))
    assert "À l'instant" in documents
    assert "0\u00a0minute" not in documents
