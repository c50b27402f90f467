"""Misspelt words corrected from the index's own vocabulary, for a search that found nothing: "clause
d'insertoin" is searched as "clause d'insertion" when that finds something.

A word of MIN_LENGTH letters or more that the index does not hold is replaced by the closest word it
does hold: one edit (a letter wrong, missing, added, or two letters swapped) for a word of up to six
letters, two beyond, the first letter kept (as Lucene's spell checkers do by default: a first letter
is seldom the one mistyped, and "revenu" must not become "devenir"); the closest wins, then the one
found in the most documents.

- SQLite: FTS5's `fts5vocab` table lists the index's terms, which are Snowball stems
  (core.search.backends.sqlite); a misspelt word is compared with each stem as a prefix of it
  ("charpante" with "charpent"), and the word shown is the one a matching entry's text holds.
- PostgreSQL: `ts_stat` lists the words of the plain text modelsearch keeps for fuzzy search, and
  `pg_trgm`'s similarity keeps the close ones before the edit distance is counted.
- Elasticsearch matches with `fuzziness: AUTO` itself (resources.search, home.views): no correction."""

from django.db import connections

from core.text import FRENCH_STOP_WORDS, WORD_RE, fold

from .analysis import normalise_query_references, stem_word

MIN_LENGTH = 5
TRIGRAM_SIMILARITY = 0.3
# On SQLite, how many letters of a word its stem may leave out ("ante" of "charpante" is 4 with the
# letter wrong: compared on the stem's length, one more or less); a stem of LONG_STEM letters or more
# may leave out LONG_SUFFIX_ALLOWANCE ("aton" of "numérisaton": the stem "numeris" drops the five
# letters of "-ation"), a short one not, or "insertoin" would be read as some five-letter stem.
SUFFIX_ALLOWANCE = 3
LONG_STEM = 7
LONG_SUFFIX_ALLOWANCE = 5


def max_distance(word: str) -> int:
    return 1 if len(word) <= 6 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance between `a` and `b` (a swap of two neighbours is one edit),
    or limit + 1 as soon as it is known to exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def correction(backend, text: str) -> str | None:
    """`text` with its misspelt words replaced by the closest words of the index, or None when no
    word of it was replaced."""
    from .matching import is_sqlite_backend

    vendor = connections["default"].vendor
    if is_sqlite_backend(backend):
        vocabulary = SQLiteVocabulary(backend)
    elif vendor == "postgresql" and type(backend).__module__.startswith(
        ("core.search.backends", "modelsearch.backends.database")
    ):
        vocabulary = PostgresVocabulary()
    else:
        return None
    changed = False
    pieces = []
    position = 0
    for match in WORD_RE.finditer(text):
        word = match.group()
        replacement = None
        folded = fold(word)
        if (
            len(folded) >= MIN_LENGTH
            and folded not in FRENCH_STOP_WORDS
            and not any(ch.isdigit() for ch in folded)
        ):
            replacement = vocabulary.closest(folded)
        pieces.append(text[position : match.start()])
        pieces.append(replacement or word)
        changed = changed or replacement is not None
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces) if changed else None


def covers(stem: str, folded: str) -> bool:
    """Whether `stem` is long enough to be the stem of the word `folded` (SUFFIX_ALLOWANCE)."""
    if len(stem) < MIN_LENGTH:
        return False
    allowance = LONG_SUFFIX_ALLOWANCE if len(stem) >= LONG_STEM else SUFFIX_ALLOWANCE
    return len(stem) >= len(folded) - allowance


class SQLiteVocabulary:
    """The stems of SQLite's FTS5 index, through an `fts5vocab` table of the connection."""

    def __init__(self, backend):
        from modelsearch.conf import get_app_config

        self.fts_table = get_app_config().get_model("SQLiteFTSIndexEntry")._meta.db_table
        self.table = f"temp.{self.fts_table}_vocab"
        self.connection = connections["default"]

    def _rows(self, sql, params=()):
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {self.table} "
                f"USING fts5vocab(main, '{self.fts_table}', 'row')"
            )
            cursor.execute(sql, params)
            return cursor.fetchall()

    def closest(self, folded: str) -> str | None:
        stem = stem_word(folded)
        limit = max_distance(folded)
        rows = self._rows(
            f"SELECT term, doc FROM {self.table} WHERE length(term) BETWEEN %s AND %s",  # noqa: S608
            (
                max(
                    MIN_LENGTH,
                    min(LONG_STEM, len(folded) - SUFFIX_ALLOWANCE),
                    len(folded) - LONG_SUFFIX_ALLOWANCE,
                ),
                len(folded) + limit,
            ),
        )
        if any(term == stem for term, _doc in rows):
            return None
        candidates = []
        for term, docs in rows:
            # A stem covers most of its word (covers: "charpent" for "charpante", "numeris" for
            # "numérisaton"); compared with the word's beginning of its length, one letter more or less. The
            # closest wins, then the commonest, among those an indexed text holds a word of.
            if not covers(term, folded) or term[0] != folded[0]:
                continue
            distance = min(
                edit_distance(term, folded[:size], limit)
                for size in range(len(term) - 1, len(term) + 2)
            )
            if distance <= limit:
                candidates.append((distance, -docs, term))
        # The vocabulary also holds terms no text's word stems to (an unstemmed title column's
        # "blanchisserie" beside the stem "blanchisser"): the next candidate then.
        for _distance, _docs, term in sorted(candidates)[:5]:
            word = self.surface(term)
            if word:
                return word
        return None

    def surface(self, stem: str) -> str | None:
        """A word of an indexed text whose stem is `stem`: the index holds stems only."""
        from modelsearch.conf import get_app_config
        from modelsearch.index import get_indexed_models

        IndexEntry = get_app_config().get_model("IndexEntry")
        rows = self._rows(
            f"SELECT rowid FROM {self.fts_table} WHERE {self.fts_table} MATCH %s LIMIT 5",  # noqa: S608
            [f'"{stem}"'],
        )
        indexed = set(get_indexed_models())
        for entry in IndexEntry.objects.filter(pk__in=[row[0] for row in rows]):
            model = entry.content_type.model_class()
            if model not in indexed:
                continue
            obj = model._default_manager.filter(pk=entry.object_id).first()
            if obj is None:
                continue
            text = " ".join(_raw_texts(obj))
            for word in WORD_RE.findall(normalise_query_references(text)):
                if stem_word(word) == stem:
                    return word.lower()
        return None


def _raw_texts(obj):
    """The texts the search indexes for `obj`, before analysis."""
    from modelsearch.backends.database.sqlite.sqlite import ObjectIndexer

    indexer = ObjectIndexer(obj, type("Backend", (), {"config": None})())
    return [indexer.title, indexer.body]


class PostgresVocabulary:
    """The words of modelsearch's plain-text columns, as PostgreSQL's `simple` configuration reads
    them, the close ones found with pg_trgm."""

    def closest(self, folded: str) -> str | None:
        from modelsearch.conf import get_app_config

        table = get_app_config().get_model("IndexEntry")._meta.db_table
        documents = f"SELECT to_tsvector('simple', title_text || ' ' || body_text) FROM {table}"  # noqa: S608
        with connections["default"].cursor() as cursor:
            cursor.execute(
                "SELECT word, ndoc FROM ts_stat(%s) "
                "WHERE similarity(unaccent(word), %s) >= %s OR unaccent(word) = %s",
                [documents, folded, TRIGRAM_SIMILARITY, folded],
            )
            rows = cursor.fetchall()
        limit = max_distance(folded)
        best = None
        for word, docs in rows:
            if fold(word)[:1] != folded[:1]:
                continue
            distance = edit_distance(fold(word), folded, limit)
            if distance == 0:
                return None
            if distance <= limit and (best is None or (distance, -docs) < best[:2]):
                best = (distance, -docs, word)
        return best[2] if best else None
