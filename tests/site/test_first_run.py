"""The first run: `make run PORT=...` serves, names and links the address it serves, and
`load_demo_content` prints a short summary."""

import logging
import re
from io import StringIO

from django.core.management import call_command

from wagtail.models import Site

from home.demo import HomeDemo


def test_the_demo_site_takes_the_served_address(settings, client, content_page):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8102"
    home = content_page.get_parent()
    site = HomeDemo().configure_site(home)
    assert (site.hostname, site.port) == ("127.0.0.1", 8102)
    content_page.refresh_from_db()
    assert content_page.get_full_url().startswith("http://127.0.0.1:8102/")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://127.0.0.1:8102/marches-reserves/</loc>" in sitemap
    assert "localhost" not in sitemap
    page = client.get("/marches-reserves/").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8102/marches-reserves/"' in page


def test_the_demo_site_takes_the_default_port_of_its_scheme(settings, home_page):
    settings.WAGTAILADMIN_BASE_URL = "https://clausesociale34.fr"
    site = HomeDemo().configure_site(home_page)
    assert (site.hostname, site.port) == ("clausesociale34.fr", 443)
    assert Site.objects.get(is_default_site=True).root_url == "https://clausesociale34.fr"


def test_make_run_passes_its_port_to_the_demo_and_the_server():
    from pathlib import Path

    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text()
    assert re.search(
        r"^run demo: export WAGTAILADMIN_BASE_URL \?= http://\S+:\$\(PORT\)$", makefile, re.M
    )


def test_demo_command_prints_a_short_summary_created_then_up_to_date(db, caplog, monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "mot-de-passe-de-demonstration")
    caplog.set_level(logging.INFO)
    first = StringIO()
    call_command("load_demo_content", stdout=first)
    chatty = [r for r in caplog.records if r.name.startswith(("django_tasks", "wagtail"))]
    assert [r for r in chatty if r.levelno < logging.WARNING] == []
    output = first.getvalue()
    assert len(output.splitlines()) < 12
    assert re.search(r"^Contenus créés : Accueil, .*\b4\d ressources", output, re.M)
    assert not re.search(r"^Contenus mis à jour : .*ressources", output, re.M)
    # The loggers get their level back.
    assert logging.getLogger("django_tasks").level == logging.NOTSET

    second = StringIO()
    call_command("load_demo_content", stdout=second)
    assert "Contenus créés" not in second.getvalue()
    assert "ressources" not in second.getvalue()
