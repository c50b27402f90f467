"""The public watch: the filterable list with counts, a notice's page with its analysis and the
link to the official notice, and malformed query strings that give a French message, never a 500."""

import datetime

from django.utils import timezone

import pytest

from tenders.demo import load_example_notices
from tenders.models import Notice


@pytest.fixture
def examples(watch_page):
    load_example_notices(today=timezone.localdate())
    return watch_page


def get(client, page, query=""):
    response = client.get(f"{page.url}{query}")
    assert response.status_code == 200
    return response


def test_the_watch_lists_the_notices_newest_first(client, examples):
    response = get(client, examples)
    notices = response.context["notices"]
    assert response.context["results_page"].paginator.count == 20
    dates = [notice.published_on for notice in notices]
    assert dates == sorted(dates, reverse=True)
    html = response.content.decode()
    assert "Avis d'exemple" in html
    assert "Considération sociale manquante" in html


def test_the_missing_filter_lists_the_buyers_to_meet(client, examples):
    response = get(client, examples, "?social=manquante")
    notices = response.context["notices"]
    assert notices
    assert all(n.lacks_required_consideration for n in notices)
    social = next(f for f in response.context["facets"] if f["name"] == "social")
    missing = next(o for o in social["options"] if o["value"] == "manquante")
    assert missing["selected"] and missing["count"] == len(notices)


def test_two_filters_combine_and_counts_follow_the_results(client, examples):
    response = get(client, examples, "?type=TRAVAUX&social=oui")
    notices = response.context["notices"]
    assert notices and all(
        n.contract_kind == "TRAVAUX" and n.has_social_consideration for n in notices
    )
    kinds = next(f for f in response.context["facets"] if f["name"] == "type")
    assert [o["value"] for o in kinds["options"]] == ["TRAVAUX"]


def test_the_reserved_filter(client, examples):
    notices = get(client, examples, "?reserve=oui").context["notices"]
    assert notices and all(n.is_reserved for n in notices)


def test_the_kind_of_consideration_filter(client, examples):
    notices = get(client, examples, "?forme=critere-attribution").context["notices"]
    assert notices
    assert all("critere-attribution" in n.consideration_kinds for n in notices)


def test_the_open_deadline_filter_leaves_out_closed_and_cancelled_notices(client, examples):
    Notice.objects.filter(idweb="EX-26-0001").update(state="annule")
    Notice.objects.filter(idweb="EX-26-0002").update(
        deadline=timezone.now() - datetime.timedelta(days=1)
    )
    idwebs = {n.idweb for n in get(client, examples, "?echeance=ouverte").context["notices"]}
    assert "EX-26-0001" not in idwebs and "EX-26-0002" not in idwebs
    closed = {n.idweb for n in get(client, examples, "?echeance=close").context["notices"]}
    assert {"EX-26-0001", "EX-26-0002"} <= closed


def test_the_buyer_filter(client, examples):
    buyer = "Ville de Béziers (exemple)"
    notices = get(client, examples, "?acheteur=Ville+de+B%C3%A9ziers+%28exemple%29").context[
        "notices"
    ]
    assert len(notices) == 3 and {n.buyer_name for n in notices} == {buyer}


def test_words_are_searched_through_the_site_search(client, examples):
    notices = get(client, examples, "?q=espaces+verts").context["notices"]
    assert [n.idweb for n in notices] == ["EX-26-0001"]


def test_unknown_filter_values_are_dropped_with_a_french_message(client, examples):
    response = get(client, examples, "?type=PLOMBERIE&publie=3000&page=zz&q=%00")
    assert response.context["params"].filters == {}
    html = response.content.decode()
    assert "Le filtre « PLOMBERIE » n'existe pas : il a été ignoré." in html.replace("&#x27;", "'")
    assert response.context["results_page"].paginator.count == 20


def test_a_notice_page_shows_its_analysis_and_the_official_link(client, watch_page, boamp_client):
    from tenders.importing import run_import

    run_import(datetime.date(2026, 9, 14), datetime.date(2026, 9, 15), client=boamp_client)
    html = get(client, watch_page, "avis/26-85001/").content.decode()
    assert "Clause sociale d&#x27;exécution" in html
    assert 'href="https://www.boamp.fr/pages/avis/?q=idweb:%2226-85001%22"' in html
    assert "Historique" in html and "26-85101" in html
    html = get(client, watch_page, "avis/26-85003/").content.decode()
    assert "Cette procédure a été annulée" in html


def test_a_notice_page_explains_a_missing_consideration(client, examples):
    html = get(client, examples, "avis/EX-26-0004/").content.decode()
    assert "Considération sociale manquante." in html
    assert "loi Climat et résilience" in html


def test_an_unknown_notice_is_a_404(client, watch_page):
    assert client.get(f"{watch_page.url}avis/26-00000/").status_code == 404


def test_the_watch_answers_only_get(client, watch_page):
    assert client.post(watch_page.url).status_code == 405


def test_a_filtered_search_has_its_atom_feed(client, examples):
    response = client.get(f"{examples.url}flux/?social=manquante")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    xml = response.content.decode()
    entries = xml.count("<entry>")
    missing = Notice.objects.filter(lacks_required_consideration=True).count()
    assert entries == missing > 0
    assert "loi Climat et résilience" in xml
    assert f"{examples.url}avis/EX-26-0004/" in xml
    page = client.get(f"{examples.url}?social=manquante").content.decode()
    assert f'href="{examples.url}flux/?social=manquante"' in page


def test_the_watch_page_has_one_search_box_and_the_skip_link_goes_to_it(client, examples):
    """Issue 14's one search box per page: the watch's own form replaces the header's."""
    text = get(client, examples).content.decode()
    assert 'id="site-search-q"' not in text
    assert text.count('id="recherche-site"') == 1 and '<a href="#recherche-site">' in text
    assert 'class="tenders-search" id="recherche-site"' in text
