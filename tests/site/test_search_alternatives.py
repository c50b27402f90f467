"""core.search.alternatives: the searches with fewer words offered when nothing is found."""

from core.search.alternatives import Alternative, alternatives

CORPUS = [
    "clause insertion blanchisserie montpellier",
    "clause insertion nettoyage",
    "insertion espaces verts",
]


def count(query):
    words = query.lower().split()
    return sum(all(word in text.split() for word in words) for text in CORPUS)


def test_one_word_left_out_when_that_finds_something():
    assert alternatives("clause insertion blanchisserie toulouse", count) == [
        Alternative("clause insertion blanchisserie", 1)
    ]


def test_each_word_alone_when_no_smaller_search_finds_anything():
    assert alternatives("insertion toulouse", count) == [Alternative("insertion", 3)]
    found = alternatives("nettoyage verts toulouse", count)
    assert found == [Alternative("nettoyage", 1), Alternative("verts", 1)]


def test_the_most_results_first_and_at_most_three():
    found = alternatives("clause insertion nettoyage verts blanchisserie", count)
    assert found == [
        Alternative("insertion", 3),
        Alternative("clause", 2),
        Alternative("nettoyage", 1),
    ]


def test_stop_words_are_not_words_and_one_word_has_no_alternative():
    assert alternatives("la toulouse", count) == []
    assert alternatives("toulouse", count) == []
    calls = []
    assert alternatives("un de la le", lambda q: calls.append(q) or 0) == [] and calls == []


def test_a_long_query_is_not_tried_word_by_word():
    calls = []
    assert alternatives("a1 b2 c3 d4 e5 f6 g7", lambda q: calls.append(q) or 1) == []
    assert calls == []
