# Run through `manage.py shell -c` on the throwaway site. Prints the path of the content page to load
# (/les-clauses-sociales/ when the demo content has it, else the first live content page in French),
# then the SQL queries each page makes: unlike timings, a count that no other process on the machine
# can blur.
import json
from urllib.parse import urlsplit

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

from home.models import ContentPage
from resources.models import ResourceIndexPage

pages = ContentPage.objects.live().public().filter(locale=Locale.get_default()).order_by("path")
page = pages.filter(slug="les-clauses-sociales").first() or pages.first()
content_path = urlsplit(page.get_url()).path if page else ""
print("BENCH_CONTENT_PATH", content_path)
hub = ResourceIndexPage.objects.live().filter(locale=Locale.get_default()).first()
hub_path = urlsplit(hub.get_url()).path if hub else ""
print("BENCH_HUB_PATH", hub_path)

client = Client(HTTP_HOST="127.0.0.1")
queries = {}
# A query string bypasses the page cache (core.cache): "?nocache=1" is the page as Wagtail renders it.
for name, path in (
    ("home", "/"),
    ("content", content_path),
    ("hub", hub_path),
    ("home_uncached", "/?nocache=1"),
    ("content_uncached", f"{content_path}?nocache=1"),
    ("hub_uncached", f"{hub_path}?nocache=1"),
):
    if not path:
        continue
    client.get(path)  # the first request fills the caches a worker keeps between requests
    with CaptureQueriesContext(connection) as captured:
        status = client.get(path).status_code
    queries[name] = {"status": status, "queries": len(captured)}
print("BENCH_QUERIES", json.dumps(queries))
