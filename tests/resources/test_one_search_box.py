"""One search box per page: the pages with a search form of their own (the hub, the site search,
the 404 page) leave out the header's, and the skip link goes to theirs."""

import re

import pytest


def search_forms(response):
    return re.findall(r'<form[^>]*role="search"[^>]*>', response.content.decode())


def skip_link_target_exists(response):
    text = response.content.decode()
    return '<a href="#recherche-site">' in text and text.count('id="recherche-site"') == 1


@pytest.mark.parametrize("path", ["hub", "/recherche/?q=clause", "/page-qui-n-existe-pas/"])
def test_pages_with_their_own_search_show_one_search_box(client, hub, path):
    response = client.get(hub.url if path == "hub" else path)
    assert len(search_forms(response)) == 1
    assert 'id="site-search-q"' not in response.content.decode()
    assert skip_link_target_exists(response)


def test_other_pages_keep_the_header_search_box(client, content_page):
    response = client.get(content_page.url)
    forms = search_forms(response)
    assert len(forms) == 1
    assert 'class="site-search"' in forms[0]
    assert skip_link_target_exists(response)
