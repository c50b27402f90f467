"""The directory plugs itself in through core's registries: its digest source and its sitemap entries."""

from core.digest import digest_items, digest_source_choices
from core.sitemaps import sitemaps


def test_the_digest_offers_the_latest_verified_actors(actors, locales):
    assert "directory" in dict(digest_source_choices())
    items = digest_items("directory", locales.fr, 2)
    assert len(items) == 2
    assert items[0].full_url.startswith("http") and items[0].full_url.endswith("/")


def test_the_sitemap_lists_every_published_actor_page(client, actors):
    assert "directory-actors" in sitemaps()
    xml = client.get("/sitemap.xml").content.decode()
    assert "/annuaire/esat-des-jardins-de-lunel/</loc>" in xml
    assert "geiq-non-publie" not in xml


def test_the_digest_block_renders_the_directory_entries_on_the_web(actors, locales):
    from django.template.loader import render_to_string

    items = digest_items("directory", locales.fr, 3)
    html = render_to_string(
        "newsletter/blocks/digest.html", {"value": {"title": "Annuaire"}, "items": items}
    )
    assert f'href="{items[0].url}"' in html


def test_the_home_page_asks_for_the_commune_and_sends_to_the_facilitator(client, actors):
    """The home page shows "Qui peut m'aider ?" through core.sections (home/ does not know the
    directory); its form leads to the facilitator of the commune typed."""
    import html

    page = html.unescape(client.get("/").content.decode())
    assert "Qui peut m'aider\u00a0?" in page
    assert 'action="/annuaire/facilitateur/"' in page and 'name="commune"' in page
    assert 'href="/annuaire/"' in page
    answer = client.get("/annuaire/facilitateur/", {"commune": "Lunel"})
    assert answer.status_code == 200


def test_the_home_page_without_a_directory_shows_no_directory_section(client, home_page):
    assert "home-directory-title" not in client.get("/").content.decode()


def test_the_demo_main_menu_takes_the_directory_after_the_agenda():
    from core.sections import main_menu_keys

    keys = ["mission", "resources", "contact"]
    menu = main_menu_keys(keys, {"agenda": object(), "directory": object()})
    assert menu.index("directory") == menu.index("agenda") + 1


def test_the_reference_data_reaches_other_apps_through_core(actors):
    """core.reference answers from the directory: territories by code, an EPCI's communes, the
    structures by kind with what they serve."""
    from core import reference

    from .conftest import LUNEL_AGGLO

    lunel = reference.territory("34145")
    assert lunel.name == "Lunel" and lunel.kind == reference.COMMUNE
    assert lunel.epci_code == LUNEL_AGGLO
    assert reference.territory(LUNEL_AGGLO).kind == reference.EPCI
    assert "34145" in reference.communes_of(LUNEL_AGGLO)
    assert reference.communes_of("34145") == {"34145"}
    assert reference.territory("99999") is None
    facilitators = reference.structures(kinds=["facilitateur"])
    assert [s.name for s in facilitators] == [
        "Facilitateur de la Métropole",
        "Facilitateur du Département",
        "Facilitateur du Pays de Lunel",
    ]
    metro = reference.structure(actors["metro"].pk)
    assert metro.kind_label == "Facilitateur de clauses sociales"
    assert metro.territory_codes == {"243400017"}


def test_the_territories_are_read_once_per_generation_and_a_change_shows(
    actors, django_assert_num_queries
):
    """Other apps name hundreds of territories per page: core.reference reads them once per
    page-cache generation; renaming a commune purges it and the new name shows."""
    from core import reference
    from directory.models import Commune

    from .conftest import LUNEL_AGGLO

    reference.territories()  # read and kept
    with django_assert_num_queries(0):
        assert reference.territory("34145").name == "Lunel"
        assert "34145" in reference.communes_of(LUNEL_AGGLO)
        assert [t.code for t in reference.territories(["34145", LUNEL_AGGLO])] == [
            "34145",
            LUNEL_AGGLO,
        ]
    lunel = Commune.objects.get(pk="34145")
    lunel.name = "Lunel (renommée)"
    lunel.save()
    assert reference.territory("34145").name == "Lunel (renommée)"
