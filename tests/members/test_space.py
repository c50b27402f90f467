"""The members' home and the members-only pages and documents: the sections apps register, Wagtail's
privacy by the NETWORK group, and none of it in the public search or the sitemap."""

from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest

from core import sections
from core.factories import DocumentFactory, paragraph, pdf_bytes
from core.network import NETWORK
from members.models import MembersPage, network_group

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

SECRET_WORD = "quadrilatère"


@pytest.fixture
def members_page(home_page, groups):
    page = MembersPage(
        title="Trames du réseau",
        slug="trames-du-reseau",
        intro=f"Le {SECRET_WORD} des facilitateurs.",
        body=[paragraph(f"<p>Document de travail {SECRET_WORD}.</p>")],
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return MembersPage.objects.get(pk=page.pk)


@pytest.fixture
def network_document(groups):
    collection = Collection.get_first_root_node().add_child(name="Espace réseau")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([network_group()])
    return DocumentFactory(
        title="Compte rendu réservé au réseau",
        collection=collection,
        file=ContentFile(pdf_bytes("Compte rendu", ["Réservé"]), name="compte-rendu.pdf"),
    )


def sign_in(client, username):
    client.post(reverse("members:login"), {"username": username, "password": PASSWORD})


def test_a_members_page_is_restricted_to_the_network_group(members_page):
    restriction = PageViewRestriction.objects.get(page=members_page)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert list(restriction.groups.values_list("name", flat=True)) == [NETWORK]


def test_anonymous_visitors_are_sent_to_the_members_login(client, members_page):
    response = client.get(members_page.url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:login") + "?next=")


def test_members_read_the_page(client, members_page, member):
    sign_in(client, "louise")
    response = client.get(members_page.url)
    assert response.status_code == 200
    assert SECRET_WORD in response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_a_signed_in_non_member_cannot_read_it(client, members_page, django_user_model):
    django_user_model.objects.create_user("visiteur", "v@example.org", PASSWORD)
    sign_in(client, "visiteur")
    response = client.get(members_page.url)
    assert response.status_code == 302
    assert SECRET_WORD not in response.content.decode()


def test_an_unverified_session_must_give_its_code_first(client, members_page, coordinator):
    sign_in(client, "claire")  # the coordination must use two-factor: not done yet
    response = client.get(members_page.url)
    assert response["Location"].startswith(reverse("members:twofactor_enrol"))


def test_members_pages_are_not_in_the_public_search(client, members_page, content_page):
    response = client.get(reverse("search"), {"q": SECRET_WORD})
    assert response.status_code == 200
    assert "Trames du réseau" not in response.content.decode()
    assert members_page.url not in response.content.decode()


def test_members_pages_are_not_in_the_search_even_for_members(client, members_page, member):
    sign_in(client, "louise")
    response = client.get(reverse("search"), {"q": SECRET_WORD})
    assert "Trames du réseau" not in response.content.decode()


def test_members_pages_are_not_in_the_sitemap(client, members_page, content_page):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert content_page.slug in body
    assert members_page.slug not in body


def test_members_pages_are_not_in_the_menus_or_digests(members_page):
    from core.digest import digest_sources

    for source in digest_sources().values():
        items = list(source.items(members_page.locale, 50)) if source.items else []
        assert all(getattr(item, "pk", None) != members_page.pk for item in items)


def test_network_documents_are_private(client, network_document, member):
    url = network_document.url
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:login"))
    sign_in(client, "louise")
    assert client.get(url).status_code == 200


def test_members_home_lists_the_documents_and_pages(client, members_page, network_document, member):
    sign_in(client, "louise")
    response = client.get(reverse("members:home"))
    content = response.content.decode()
    assert "Compte rendu réservé au réseau" in content
    assert "Trames du réseau" in content


def test_members_home_renders_the_sections_other_apps_register(client, member, monkeypatch):
    monkeypatch.setattr(sections, "_MEMBERS_SECTIONS", {})
    seen = []

    def next_meetings(request, members_home):
        seen.append(request.user)
        return {"documents": []} if request.user.username == "louise" else None

    sections.register_members_section(
        "agenda", "members/includes/documents_section.html", next_meetings, order=10
    )
    sections.register_members_section("nothing", "no/such/template.html", lambda r, h: None)
    sign_in(client, "louise")
    response = client.get(reverse("members:home"))
    assert response.status_code == 200
    assert seen == [member]
    assert "Derniers documents du réseau" in response.content.decode()


def test_members_home_with_nothing_to_show(client, member, monkeypatch):
    monkeypatch.setattr(sections, "_MEMBERS_SECTIONS", {})
    sign_in(client, "louise")
    response = client.get(reverse("members:home"))
    assert "Rien de nouveau dans le réseau pour le moment." in response.content.decode()


def test_account_page_shows_structure_and_territories(client, facilitator, fake_reference):
    sign_in(client, "fanny")
    content = client.get(reverse("members:account")).content.decode()
    assert "PLIE de Montpellier" in content
    assert "Montpellier Méditerranée Métropole" in content
    assert "Facilitateurs" in content
