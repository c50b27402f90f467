"""The watch plugs itself in through core's registries: its editor permissions, digest source,
sitemap entries and demo content."""

from django.contrib.auth.models import Group
from django.utils import timezone

import pytest

from core.digest import digest_items, digest_source_choices
from core.permissions import EDITORS, MODERATORS, configure_editor_groups
from core.sitemaps import sitemaps
from tenders.demo import load_example_notices
from tenders.models import Notice


@pytest.fixture
def examples(watch_page):
    load_example_notices()
    return watch_page


def test_the_digest_offers_open_notices_with_a_social_consideration(examples, locales):
    assert "tenders" in dict(digest_source_choices())
    items = digest_items("tenders", locales.fr, 3)
    assert len(items) == 3
    assert items[0].full_url.startswith("http") and "/veille-marches/avis/EX-26-" in items[0].url
    notice = Notice.objects.get(idweb=items[0].url.rstrip("/").rsplit("/", 1)[1])
    assert notice.has_social_consideration


def test_the_sitemap_lists_the_notice_pages(client, examples):
    assert "tenders-notices" in sitemaps()
    xml = client.get("/sitemap.xml").content.decode()
    assert "/veille-marches/avis/EX-26-0001/</loc>" in xml


def test_editors_read_the_notices_and_moderators_adjust_the_rules(db):
    configure_editor_groups()
    editors = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))
    moderators = set(
        Group.objects.get(name=MODERATORS).permissions.values_list("codename", flat=True)
    )
    assert {"view_notice", "view_importrun", "view_detectionrule"} <= editors
    assert "change_detectionrule" not in editors
    assert {"change_detectionrule", "delete_notice"} <= moderators


def test_the_demo_notices_are_marked_as_examples_and_cover_every_reason(examples):
    notices = Notice.objects.all()
    assert notices.count() == 20
    assert all(n.is_example and not n.url for n in notices)
    kinds = {kind for n in notices for kind in n.consideration_kinds}
    assert kinds == {
        "critere-social",
        "marche-reserve",
        "condition-execution",
        "critere-attribution",
    }
    assert notices.filter(lacks_required_consideration=True).exists()


def test_the_demo_is_idempotent(examples):
    before = list(Notice.objects.values_list("idweb", "updated_at"))
    assert load_example_notices(today=timezone.localdate()) == 0
    assert list(Notice.objects.values_list("idweb", "updated_at")) == before
