"""The optional tile server under the directory's maps (MAP_TILES_URL): unset, the maps draw the shipped
outlines only and the Content Security Policy names no other server; set, the map pages hand its address
and attribution to the map and allow that server for images only, and no other page does."""

import re

import pytest

URL = "/annuaire/"
TILES = "https://tuiles.example.org/{z}/{x}/{y}.png"
ATTRIBUTION = "© Exemple et ses contributeurs"


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_without_a_tile_server_the_maps_ask_no_other_server(client, actors, settings):
    settings.MAP_TILES_URL = ""
    for path in (URL + "?vue=carte", URL + "esat-des-jardins-de-lunel/"):
        response = client.get(path)
        html = response.content.decode()
        assert "data-tiles-url" not in html
        assert "Tuiles" not in html
        assert directives(response)["img-src"] == ["'self'", "data:"]


@pytest.mark.parametrize("path", [URL + "?vue=carte", URL + "esat-des-jardins-de-lunel/"])
def test_a_tile_server_is_drawn_on_the_maps_and_allowed_for_images_only(
    client, actors, settings, path
):
    settings.MAP_TILES_URL = TILES
    settings.MAP_TILES_ATTRIBUTION = ATTRIBUTION
    response = client.get(path)
    html = response.content.decode()
    assert f'data-tiles-url="{TILES}"' in html
    assert re.search(r"Tuiles\xa0: © Exemple et ses contributeurs\.", html)
    policy = directives(response)
    assert policy["img-src"] == ["'self'", "data:", "https://tuiles.example.org"]
    for name, sources in policy.items():
        if name != "img-src":
            assert "https://tuiles.example.org" not in sources, name


def test_pages_without_a_map_do_not_allow_the_tile_server(client, actors, settings):
    settings.MAP_TILES_URL = TILES
    for path in (URL, URL + "facilitateur/?commune=34145", "/"):
        response = client.get(path)
        assert "tuiles.example.org" not in response.get("Content-Security-Policy", ""), path
        assert "data-tiles-url" not in response.content.decode()


def test_a_tile_address_that_is_not_a_web_address_is_ignored(client, actors, settings):
    settings.MAP_TILES_URL = "javascript:alert(1)"
    response = client.get(URL + "?vue=carte")
    assert "data-tiles-url" not in response.content.decode()
    assert directives(response)["img-src"] == ["'self'", "data:"]
