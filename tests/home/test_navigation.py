"""The main menu: editors choose its pages, visitors see them in their language, and a change shows at
once even though menus are cached."""

from wagtail.models import Site

import pytest

from home.models import MainMenuItem, NavigationSettings


@pytest.fixture
def menu(content_page):
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    MainMenuItem.objects.create(settings=navigation, page=content_page, sort_order=0)
    return navigation


def test_menu_shows_the_page_an_editor_chose(client, menu):
    assert "Les marchés réservés" in client.get("/").content.decode()


def test_menu_shows_a_renamed_page_as_soon_as_it_is_published(client, menu, content_page):
    client.get("/")  # the menu is now cached
    content_page.title = "Marchés réservés aux SIAE"
    content_page.save_revision().publish()
    assert "Marchés réservés aux SIAE" in client.get("/").content.decode()


def test_menu_forgets_an_unpublished_page(client, menu, content_page):
    client.get("/")
    content_page.unpublish()
    assert "/marches-reserves/" not in client.get("/").content.decode()


def test_menu_links_to_the_english_translation_on_english_pages(client, menu, english_content_page):
    html = client.get("/en/").content.decode()
    assert "/en/reserved-contracts/" in html
    assert "Reserved contracts" in html


def test_menu_marks_the_current_page(client, menu):
    html = client.get("/marches-reserves/").content.decode()
    assert 'href="/marches-reserves/" aria-current="page"' in html


def test_home_page_needs_few_queries_once_menus_are_cached(
    client, menu, django_assert_max_num_queries
):
    client.get("/")
    # A guard against one query per link or per template tag creeping back into the layout. The
    # site, the home page, the contact settings, the breadcrumbs, the newsletter's archive, the
    # latest items and the home sections are kept per generation of the page cache
    # (core.cache.objects), which every publish renews: what is left is Wagtail's (the active
    # locale, the page's view restrictions: 3) and the footer form's audiences (1). The page cache
    # (core.cache) serves a repeated anonymous visit with none.
    with django_assert_max_num_queries(4):
        assert client.get("/").status_code == 200


def test_content_page_needs_few_queries(client, menu, content_page, django_assert_max_num_queries):
    client.get(content_page.url)
    # Wagtail's routing to the page (the active locale, the child, its specific row, its view
    # restrictions: 5) and the footer form's audiences (1).
    with django_assert_max_num_queries(6):
        assert client.get(content_page.url).status_code == 200


def test_what_the_layout_keeps_is_forgotten_at_a_change(client, menu, content_page):
    from home.factories import ContentPageFactory
    from home.models import ContactSettings

    client.get(content_page.url)
    contact = ContactSettings.load(request_or_site=Site.objects.get(is_default_site=True))
    contact.organisation = "Maison de l'emploi et des clauses"
    contact.save()
    assert "Maison de l&#x27;emploi et des clauses" in client.get(content_page.url).content.decode()
    child = ContentPageFactory(parent=content_page, title="Guide des clauses", slug="guide")
    child.save_revision().publish()
    assert ">Les marchés réservés</a>" in client.get(child.url).content.decode()  # breadcrumbs
    content_page.title = "Marchés réservés aux SIAE"
    content_page.save_revision().publish()
    html = client.get(child.url).content.decode()
    assert ">Marchés réservés aux SIAE</a>" in html and ">Les marchés réservés</a>" not in html
