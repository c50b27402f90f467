"""The resource hub in English, as `load_demo_content` builds it: real wagtail-localize translations
of the hub and its 42 resources, English taxonomies, search, facets, feeds, alert form and resource
pages at /en/resources/; running the command again changes nothing.

The demo site is built once for the module, in a transaction rolled back after it (as the browser
tests do): building it takes about 15 s."""

from io import StringIO

from django.core import mail
from django.core.management import call_command

import pytest

from resources.demo.data import en as demo_data_en
from tests.conftest import demo_site_in_transaction

HUB = "/en/resources/"


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    with demo_site_in_transaction(django_db_blocker):
        yield


@pytest.fixture
def pages(demo_site, db):
    """(French hub, English hub, [(French resource, English resource)])."""
    from wagtail.models import Locale

    from resources.models import ResourceIndexPage, ResourcePage

    fr_hub = ResourceIndexPage.objects.get(locale__language_code="fr")
    en_hub = fr_hub.get_translation(Locale.objects.get(language_code="en")).specific
    pairs = [
        (page, ResourcePage.objects.get(translation_key=page.translation_key, locale=en_hub.locale))
        for page in ResourcePage.objects.child_of(fr_hub)
    ]
    return fr_hub, en_hub, pairs


def entries(response):
    return [entry["page"] for entry in response.context["entries"]]


def facet_labels(response, name):
    for item in response.context["facets"]:
        if item["name"] == name:
            return {
                option["value"]: (option["label"], option["count"]) for option in item["options"]
            }
    raise AssertionError(name)


def test_the_english_hub_and_resources_are_wagtail_localize_translations(pages):
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    fr_hub, en_hub, pairs = pages
    assert (en_hub.title, en_hub.slug, en_hub.url) == ("Resource centre", "resources", HUB)
    assert en_hub.intro == demo_data_en.HUB["intro"]
    assert len(pairs) == 42
    for french, english in pairs:
        source = TranslationSource.objects.get_for_instance(french)
        assert Translation.objects.filter(source=source, target_locale=english.locale).exists()
        texts = set(
            StringTranslation.objects.filter(
                context__object_id=source.object_id, locale=english.locale
            ).values_list("data", flat=True)
        )
        expected = demo_data_en.RESOURCES[french.slug]
        assert {expected["title"], expected["summary"]} <= texts
        assert english.live and english.title == expected["title"]
        assert english.summary == expected["summary"]
        assert english.get_parent().pk == en_hub.pk
        # The documents are shared, not copied.
        assert [a.document_id for a in english.attachments.all()] == [
            a.document_id for a in french.attachments.all()
        ]


def test_english_resources_have_the_english_taxonomies(pages):
    _fr_hub, _en_hub, pairs = pages
    for french, english in pairs:
        for name in ("themes", "audiences", "legal_references"):
            items = list(getattr(english, name).all())
            assert {item.locale_id for item in items} <= {english.locale_id}, (english.slug, name)
            assert {item.translation_key for item in items} == {
                item.translation_key for item in getattr(french, name).all()
            }


def test_english_facets_show_english_names_with_the_french_counts(client, pages):
    english = client.get(HUB)
    french = client.get("/ressources/")
    themes = facet_labels(english, "theme")
    assert themes["marches-reserves"][0] == "Reserved contracts"
    assert themes["handicap"][0] == "Disability and employment"
    assert facet_labels(english, "public")["acheteurs"][0] == "Public buyers"
    assert facet_labels(english, "reference")["directive-2014-24-ue"][0] == "Directive 2014/24/EU"
    assert facet_labels(english, "nature")["guide"][0] == "Guide"
    for name in ("nature", "theme", "public", "reference", "annee"):
        english_counts = {key: count for key, (_, count) in facet_labels(english, name).items()}
        french_counts = {key: count for key, (_, count) in facet_labels(french, name).items()}
        assert english_counts == french_counts, name
    filtered = client.get(HUB, {"theme": "handicap"})
    assert filtered.context["results_page"].paginator.count == themes["handicap"][1]
    assert all(page.locale.language_code == "en" for page in entries(filtered))


def test_english_search_finds_reserved_contracts_for_disability_first(client, pages):
    response = client.get(HUB, {"q": "reserved contract disability"})
    found = entries(response)
    assert found and all(page.locale.language_code == "en" for page in found)
    for page in found[:3]:
        assert {"marches-reserves", "handicap"} <= {theme.slug for theme in page.themes.all()}
    first = response.context["entries"][0]
    shown = first["title"] + first["passage"]
    assert "<mark>" in first["passage"]
    for word in ("reserved", "contract", "disability"):
        assert f"<mark>{word}</mark>" in shown


def test_english_search_finds_the_building_guide_for_social_clause_building(client, pages):
    response = client.get(HUB, {"q": "social clause building"})
    found = entries(response)
    guide = demo_data_en.RESOURCES["guide-clause-batiment"]["title"]
    assert guide in [page.title for page in found[:3]]
    for page in found[:3]:
        assert "btp" in {theme.slug for theme in page.themes.all()}
    assert "<mark>" in response.context["entries"][0]["passage"]


def test_an_english_plural_finds_the_singular(client, pages):
    _fr_hub, _en_hub, pairs = pages
    english = next(en for fr, en in pairs if fr.slug == "conseil-etat-critere-social")
    words = f"{english.title} {english.search_text()} {english.taxonomy_text()}".lower()
    assert "contract" in words and "contracts" not in words
    response = client.get(HUB, {"q": "contracts", "theme": "criteres-attribution"})
    assert english.pk in [page.pk for page in entries(response)]


def test_english_stop_words_are_not_required(client, pages):
    plain = entries(client.get(HUB, {"q": "reserved contract disability"}))
    worded = entries(client.get(HUB, {"q": "the reserved contract for a disability"}))
    assert plain and [page.pk for page in worded] == [page.pk for page in plain]


def test_english_feeds_are_in_english(client, pages):
    rss = client.get(HUB + "flux/rss/", {"q": "reserved contract"}).content.decode()
    assert "<language>en</language>" in rss
    assert "Resource centre" in rss and "/en/resources/" in rss
    assert "<category>Reserved contracts</category>" in rss
    assert "Marchés réservés" not in rss
    atom = client.get(HUB + "flux/atom/")
    assert atom.status_code == 200 and 'xml:lang="en"' in atom.content.decode()


def test_english_home_page_and_menu_lead_to_the_english_hub(client, pages):
    html = client.get("/en/").content.decode()
    assert f'href="{HUB}"' in html
    assert 'href="/ressources/"' not in html


def test_an_english_resource_page_shows_its_metadata_related_resources_and_alternates(
    client, pages
):
    _fr_hub, _en_hub, pairs = pages
    french, english = next(pair for pair in pairs if pair[0].slug == "reservation-ea-esat")
    html = client.get(english.url).content.decode()
    assert english.title in html
    assert "Disability and employment" in html and "Public buyers" in html
    assert f'href="{HUB}?theme=handicap"' in html
    assert 'hreflang="fr"' in html and f"{french.url}" in html
    assert 'hreflang="en"' in html
    related = english.related_resources()
    assert related and all(page.locale_id == english.locale_id for page in related)
    assert related[0].title in html.replace("&#x27;", "'")


def test_the_english_alert_form_describes_the_search_in_english_and_subscribes(client, pages):
    from resources.models import SearchAlert

    page = client.get(HUB + "alerte/", {"q": "reserved contract", "theme": "handicap"})
    text = page.content.decode().replace("&quot;", '"')
    assert "“reserved contract”; Theme: Disability and employment" in text
    response = client.post(
        HUB + "alerte/",
        {
            "email": "buyer@example.org",
            "frequency": "weekly",
            "search": "q=reserved+contract&theme=handicap",
        },
    )
    assert response.status_code == 200
    alert = SearchAlert.objects.get()
    assert alert.hub.locale.language_code == "en"
    assert alert.consent.subscriber.language == "en"
    assert len(mail.outbox) == 1


def test_running_the_demo_command_again_translates_nothing(pages):
    from wagtail.models import Revision
    from wagtail_localize.models import StringTranslation

    revisions = Revision.objects.count()
    strings = StringTranslation.objects.count()
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    assert "Traductions anglaises publiées" not in out.getvalue()
    assert "déjà à jour" in out.getvalue()
    assert (Revision.objects.count(), StringTranslation.objects.count()) == (revisions, strings)


def test_the_demo_promotes_the_reserved_contracts_guide_in_both_languages(client, pages):
    fr_hub, _en_hub, pairs = pages
    french, english = next((fr, en) for fr, en in pairs if fr.slug == "guide-marches-reserves")
    response = client.get(fr_hub.url, {"q": "Marchés réservés"})
    assert response.context["promoted"] == []  # picks answer their exact words only
    response = client.get(fr_hub.url, {"q": "marche reserve"})
    assert [link["url"] for link in response.context["promoted"]] == [french.url]
    response = client.get(HUB, {"q": "Reserved contract"})
    assert [link["url"] for link in response.context["promoted"]] == [english.url]
