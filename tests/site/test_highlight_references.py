"""The highlighter marks a legal reference whole, as the engines match it (core.search.highlight over
core.search.analysis): the reference asked for, however it is written, and not its neighbours nor
the pieces of it found elsewhere."""

import pytest

from core.search.highlight import highlight_best_passage, highlight_title


@pytest.mark.parametrize(
    ("title", "query", "marked"),
    [
        ("Article L. 2112-2 du code", "L2112-2", "Article <mark>L. 2112-2</mark> du code"),
        (
            "L2112-2 et L2112-1 : deux articles",
            "article l. 2112-2",
            "<mark>L2112-2</mark> et L2112-1 : deux articles",
        ),
        (
            "Décret n° 2016-360 du 25 mars 2016",
            "decret 2016-360",
            "<mark>Décret n° 2016-360</mark> du 25 mars 2016",
        ),
        (
            "L'article R2152-7 et R2152-70",
            "R2152-7",
            "L&#x27;article <mark>R2152-7</mark> et R2152-70",
        ),
        (
            "Les marchés réservés",
            "marche reserve",
            "Les <mark>marchés</mark> <mark>réservés</mark>",
        ),
    ],
)
def test_a_title_marks_the_reference_whole(title, query, marked):
    assert highlight_title(title, query) == marked


def test_a_passage_marks_the_law_and_the_directive_not_the_year_of_a_date():
    text = "La loi n° 2021-1104 du 22 août 2021 transpose en partie la directive 2014/24/UE."
    passage = highlight_best_passage([lambda: text], "loi 2021-1104 directive 2014/24/UE")
    assert passage == (
        "La <mark>loi n° 2021-1104</mark> du 22 août 2021 transpose en partie la "
        "<mark>directive 2014/24/UE</mark>."
    )


def test_a_reference_is_escaped_like_any_word():
    assert highlight_title("<b>L2112-2</b>", "L2112-2") == "&lt;b&gt;<mark>L2112-2</mark>&lt;/b&gt;"


def test_the_words_of_a_long_text_are_those_of_the_plain_definition():
    """core.search.highlight.tokens keeps its references sorted to stay linear: on texts mixing
    references, neighbouring and overlapping ones, it finds what checking every word against every
    reference finds."""
    import random

    from core.search.analysis import REFERENCE_REGEXES
    from core.search.highlight import tokens
    from core.text import WORD_RE, fold

    def plain(text):
        references = []
        for pattern, replacement in REFERENCE_REGEXES:
            for match in pattern.finditer(text):
                if not any(match.start() < e and s < match.end() for s, e, _ in references):
                    references.append((match.start(), match.end(), fold(match.expand(replacement))))
        found = list(references)
        for match in WORD_RE.finditer(text):
            if not any(match.start() < e and s < match.end() for s, e, _ in references):
                found.append((match.start(), match.end(), fold(match.group())))
        return sorted(found)

    pieces = [
        "article L2112-2",
        "L. 2113-13",
        "R2152-7",
        "loi n° 2021-1104",
        "directive 2014/24/UE",
        "décret 2016-360",
        "marchés",
        "réservés",
        "2021",
        "et",
        "L2112",
        "-",
    ]
    rng = random.Random(34)
    for _ in range(50):
        separator = rng.choice([" ", "", ", "])
        text = separator.join(rng.choice(pieces) for _ in range(rng.randint(1, 80)))
        assert tokens(text) == plain(text), text
