"""The hub's source for the newsletter's digest block: resources by kind or theme, and never one
published after the issue."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from core.digest import digest_items, digest_source_choices
from newsletter.factories import NewsletterIndexPageFactory, NewsletterPageFactory, digest
from newsletter.rendering import render_campaign

from .conftest import make_resource

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def published_on(page, day):
    moment = datetime.datetime.combine(day, datetime.time(9), tzinfo=PARIS)
    type(page).objects.filter(pk=page.pk).update(first_published_at=moment)
    page.refresh_from_db()
    return page


@pytest.fixture
def hub_resources(hub, taxonomy):
    guide = make_resource(
        hub,
        "Guide des marchés réservés",
        "Réserver un marché pas à pas.",
        "Texte du guide.",
        datetime.date(2026, 2, 1),
        kind="guide",
        themes=[taxonomy.reserved],
    )
    note = make_resource(
        hub,
        "Note sur l'article L2112-2",
        "Les conditions d'exécution sociales.",
        "Texte de la note.",
        datetime.date(2026, 3, 1),
        themes=[taxonomy.insertion],
    )
    later = make_resource(
        hub,
        "Note publiée après la lettre",
        "Elle ne doit pas figurer dans la lettre de mars.",
        "Texte.",
        datetime.date(2026, 6, 1),
    )
    for page, day in ((guide, guide.date), (note, note.date), (later, later.date)):
        published_on(page, day)
    return guide, note, later


def test_the_hub_offers_its_resources_by_kind_and_theme(hub_resources, taxonomy):
    choices = dict(digest_source_choices())
    assert choices["resources"] == "Dernières ressources"
    assert choices["resources:kind=guide"] == "Dernières ressources — Guide"
    key = f"resources:theme={taxonomy.reserved.translation_key}"
    assert choices[key] == "Dernières ressources — thème\u00a0: Marchés réservés"
    guide, note, later = hub_resources
    locale = guide.locale
    assert digest_items("resources", locale, 5) == [later, note, guide]
    assert digest_items("resources:kind=guide", locale, 5) == [guide]
    assert digest_items(key, locale, 5) == [guide]
    assert digest_items("resources:kind=inconnu", locale, 5) == []


def test_an_issue_lists_only_what_was_published_before_it(client, home_page, hub_resources):
    guide, note, later = hub_resources
    index = NewsletterIndexPageFactory(parent=home_page)
    issue = NewsletterPageFactory(
        parent=index, title="Lettre de mars", body=[digest("À lire", source="resources")]
    )
    issue.save_revision().publish()
    published_on(issue, datetime.date(2026, 3, 17))
    rendered = render_campaign(issue)
    assert note.title.replace("'", "&#x27;") in rendered.html and guide.title in rendered.html
    assert later.title not in rendered.html
    # The web page of the issue says the same as its email.
    web = client.get(issue.url).content.decode()
    assert guide.title in web and later.title not in web


def test_a_draft_issue_lists_what_is_published_until_now(home_page, hub_resources):
    index = NewsletterIndexPageFactory(parent=home_page)
    draft = NewsletterPageFactory(
        parent=index, live=False, body=[digest("À lire", source="resources")]
    )
    assert draft.first_published_at is None
    assert "Note publiée après la lettre" in render_campaign(draft, preview=True).html
