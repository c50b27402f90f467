"""Search-engine settings shared by every environment."""

from core.search.analysis import REFERENCE_PATTERNS

# Legal references as one token, with the patterns the database backends use (core.search.analysis):
# "L. 2112-2" → "l2112x2", "loi n° 2021-1104" → "loi2021x1104", "directive 2014/24/UE" → "dirue2014x24".
LEGAL_REFERENCE_CHAR_FILTERS = {
    f"legal_reference_{number}": {
        "type": "pattern_replace",
        "pattern": pattern,
        "replacement": replacement,
    }
    for number, (pattern, replacement) in enumerate(REFERENCE_PATTERNS)
}

# The French analysis chain: elision (l', d', qu'...), lowercase, accent folding, French stop words and a
# light French stemmer, so that "marchés réservés" finds "marché réservé" and "Marche reserve".
FRENCH_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "char_filter": LEGAL_REFERENCE_CHAR_FILTERS,
            "filter": {
                "french_elision": {
                    "type": "elision",
                    "articles_case": True,
                    "articles": [
                        "l",
                        "m",
                        "t",
                        "qu",
                        "n",
                        "s",
                        "j",
                        "d",
                        "c",
                        "jusqu",
                        "quoiqu",
                        "lorsqu",
                        "puisqu",
                    ],
                },
                "french_stop": {"type": "stop", "stopwords": "_french_"},
                "french_stemmer": {"type": "stemmer", "language": "light_french"},
            },
            "analyzer": {
                "default": {
                    "char_filter": list(LEGAL_REFERENCE_CHAR_FILTERS),
                    "tokenizer": "standard",
                    "filter": [
                        "french_elision",
                        "lowercase",
                        "asciifolding",
                        "french_stop",
                        "french_stemmer",
                    ],
                },
            },
        }
    }
}


def elasticsearch_backend(url, index_prefix):
    """Wagtail search-backend settings for Elasticsearch 9 at `url`, with the French analyzer."""
    return {
        "BACKEND": "core.search.backends.elasticsearch",
        "URLS": [url],
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": 10,
        "OPTIONS": {},
        "INDEX_SETTINGS": FRENCH_INDEX_SETTINGS,
    }
