"""The optional tile server under the directory's maps (settings.MAP_TILES_URL): what the templates
need to draw it, and the Content Security Policy of the page that shows it, which then allows that
server for images and nothing else. Unset, the maps draw the shipped outlines only."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

from csp.decorators import csp_update


@dataclass(frozen=True)
class MapTiles:
    url: str
    attribution: str
    origin: str


def map_tiles() -> MapTiles | None:
    """The tile layer the settings name, or None (no tile server: the default)."""
    url = settings.MAP_TILES_URL
    parts = urlsplit(url)
    if not url or parts.scheme not in ("https", "http") or not parts.netloc:
        return None
    return MapTiles(url, settings.MAP_TILES_ATTRIBUTION, f"{parts.scheme}://{parts.netloc}")


def allow_map_tiles(response):
    """Let the page load the tile server's images (django-csp's per-response update)."""
    tiles = map_tiles()
    if tiles is None:
        return response
    return csp_update({"img-src": [tiles.origin]})(lambda: response)()
