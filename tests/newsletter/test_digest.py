"""The site's own digest source: its latest content pages, without its utility pages."""

from django.utils import timezone

import pytest

from core.digest import digest_items
from home.factories import ContentPageFactory
from home.models import FooterItem, NavigationSettings

pytestmark = pytest.mark.django_db


def test_utility_pages_never_appear_in_the_site_digest(home_page, content_page):
    legal = ContentPageFactory(parent=home_page, title="Mentions légales", slug="mentions")
    legal.save_revision().publish()
    navigation = NavigationSettings.for_site(home_page.get_site())
    FooterItem.objects.create(settings=navigation, page=legal, sort_order=0)
    items = digest_items("content_pages", home_page.locale, 5, before=timezone.now())
    assert [page.title for page in items] == [content_page.title]
