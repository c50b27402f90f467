"""Page type rules and the small model helpers of the home app."""

from wagtail.blocks import StreamValue
from wagtail.models import Page

import pytest

from home.models import ContactPage, ContactSettings, ContentPage, HomePage


def test_home_page_is_allowed_only_under_the_root():
    assert HomePage.allowed_parent_page_models() == [Page]


def test_home_page_can_be_created_under_the_root(db):
    assert HomePage.can_create_at(Page.get_first_root_node())


def test_a_second_home_page_cannot_be_created_under_the_root(home_page):
    assert not HomePage.can_create_at(Page.get_first_root_node())


def test_home_page_cannot_be_created_under_a_content_page(content_page):
    assert not HomePage.can_create_at(content_page)


def test_home_page_accepts_the_sections_that_name_it_as_their_parent_only():
    # Each app's section page names the home page in its parent_page_types (issue 8): the
    # agenda and the directory joined without the home page listing them.
    from directory.models import DirectoryPage
    from events.models import AgendaPage
    from members.models import MembersPage
    from newsletter.models import NewsletterIndexPage
    from observatory.models import ObservatoryPage
    from resources.models import ResourceIndexPage
    from tenders.models import WatchPage

    assert set(HomePage.allowed_subpage_models()) == {
        ContentPage,
        ContactPage,
        ResourceIndexPage,
        NewsletterIndexPage,
        AgendaPage,
        DirectoryPage,
        WatchPage,
        ObservatoryPage,
        MembersPage,
    }


def test_content_page_is_allowed_under_home_and_content_pages():
    assert set(ContentPage.allowed_parent_page_models()) == {HomePage, ContentPage}


def test_content_page_can_be_created_under_the_home_page(home_page):
    assert ContentPage.can_create_at(home_page)


def test_content_page_can_be_created_under_another_content_page(content_page):
    assert ContentPage.can_create_at(content_page)


def test_content_page_cannot_be_created_under_the_root(db):
    assert not ContentPage.can_create_at(Page.get_first_root_node())


def test_content_page_cannot_be_created_under_the_contact_page(contact_page):
    assert not ContentPage.can_create_at(contact_page)


def test_contact_page_is_allowed_only_under_the_home_page():
    assert ContactPage.allowed_parent_page_models() == [HomePage]


def test_contact_page_can_be_created_under_a_home_page_without_one(home_page):
    assert ContactPage.can_create_at(home_page)


def test_a_second_contact_page_cannot_be_created_under_the_home_page(contact_page, home_page):
    assert not ContactPage.can_create_at(home_page)


def test_contact_page_cannot_be_created_under_a_content_page(content_page):
    assert not ContactPage.can_create_at(content_page)


def test_contact_page_accepts_no_subpages():
    assert ContactPage.allowed_subpage_models() == []


def test_table_of_contents_lists_the_section_headings_only(content_page):
    block = ContentPage.body.field.stream_block
    content_page.body = StreamValue(
        block,
        [
            ("heading", {"text": "Pourquoi une clause sociale ?", "level": "h2"}),
            ("heading", {"text": "Un détail", "level": "h3"}),
            ("heading", {"text": "Comment la rédiger", "level": "h2"}),
        ],
    )
    assert [entry["text"] for entry in content_page.table_of_contents()] == [
        "Pourquoi une clause sociale ?",
        "Comment la rédiger",
    ]


def test_table_of_contents_anchors_are_the_block_ids(content_page):
    content_page.body = [("heading", {"text": "Section", "level": "h2"})]
    content_page.save()
    content_page.refresh_from_db()
    [entry] = content_page.table_of_contents()
    assert entry["anchor"] == content_page.body[0].id


def test_phone_link_uses_the_international_french_prefix():
    assert ContactSettings(phone="04 99 13 76 84").phone_href == "tel:+33499137684"


def test_social_links_leave_out_the_networks_without_an_address():
    settings = ContactSettings(facebook_url="", linkedin_url="https://www.linkedin.com/company/x")
    assert settings.social_links == [("LinkedIn", "https://www.linkedin.com/company/x")]


def test_new_pages_get_ascii_slugs(admin_client, home_page):
    from django.urls import reverse

    url = reverse("wagtailadmin_pages:add", args=["home", "contentpage", home_page.pk])
    form = admin_client.get(url).content.decode()
    # The slug the admin writes from the title as the editor types it: Django leaves a false
    # attribute out, and Wagtail's slug controller then transliterates to ASCII.
    assert 'data-controller="w-slug"' in form
    assert "data-w-slug-allow-unicode-value" not in form
    response = admin_client.post(
        url,
        {
            "title": "Accès aux marchés",
            "slug": "accès-aux-marchés",
            "body-count": "0",
            "action-draft": "1",
        },
    )
    assert response.status_code == 302
    from home.models import ContentPage

    page = ContentPage.objects.get(title="Accès aux marchés")
    assert page.slug == "acces-aux-marches"
    assert page.url_path.endswith("/acces-aux-marches/")


def test_an_ascii_slug_stays_unique_among_siblings(home_page):
    from home.factories import ContentPageFactory

    ContentPageFactory(parent=home_page, title="Premier", slug="acces")
    second = ContentPageFactory(parent=home_page, title="Second", slug="accès")
    assert second.slug == "acces-2"


@pytest.mark.parametrize(
    ("app", "model", "parent_factory"),
    [
        ("resources", "resourcepage", "resources.factories.ResourceIndexPageFactory"),
        ("newsletter", "newsletterpage", "newsletter.factories.NewsletterIndexPageFactory"),
        ("home", "contentpage", None),
    ],
)
def test_every_page_type_writes_ascii_slugs_in_the_admin(
    admin_client, home_page, app, model, parent_factory
):
    from django.urls import reverse
    from django.utils.module_loading import import_string

    parent = import_string(parent_factory)(parent=home_page) if parent_factory else home_page
    url = reverse("wagtailadmin_pages:add", args=[app, model, parent.pk])
    form = admin_client.get(url).content.decode()
    slug_input = form.split('name="slug"', 1)[1][:600]
    assert 'data-controller="w-slug"' in form.split('name="slug"', 1)[0][-600:] + slug_input
    assert "data-w-slug-allow-unicode-value" not in form


@pytest.mark.parametrize(
    "factory",
    [
        "resources.factories.ResourcePageFactory",
        "newsletter.factories.NewsletterPageFactory",
        "home.factories.ContentPageFactory",
    ],
)
def test_a_page_saved_with_an_accented_slug_gets_its_ascii_form(home_page, factory):
    from django.utils.module_loading import import_string

    from newsletter.factories import NewsletterIndexPageFactory
    from resources.factories import ResourceIndexPageFactory

    parents = {
        "resources.factories.ResourcePageFactory": ResourceIndexPageFactory,
        "newsletter.factories.NewsletterPageFactory": NewsletterIndexPageFactory,
    }
    parent = parents[factory](parent=home_page) if factory in parents else home_page
    page = import_string(factory)(parent=parent, title="Échéance", slug="échéance-élargie")
    assert page.slug == "echeance-elargie"
    assert page.url.isascii() and "%" not in page.url
