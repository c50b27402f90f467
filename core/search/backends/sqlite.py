"""SQLite FTS5: legal references as one token and every word stemmed (Snowball French) in the indexed
text; the summary written twice in the body column, whose words then count twice."""

from django.utils.functional import cached_property

from modelsearch.backends.database.sqlite import sqlite
from modelsearch.index import SearchField
from modelsearch.utils import get_content_type_pk

from ..analysis import normalise_references, stem_text
from .weights import field_weight

IndexEntry = sqlite.IndexEntry


def sqlite_repeats(field_name: str) -> int:
    """How many times SQLite's body column holds a field: its weight over the default's, at least 1."""
    return max(1, round(field_weight(field_name) / field_weight("default")))


class SQLiteObjectIndexer(sqlite.ObjectIndexer):
    @cached_property
    def title(self):
        return stem_text(normalise_references(super().title))

    @cached_property
    def body(self):
        # One body column for every field but the title: a field weighing twice the default (the
        # summary) is written twice, so that bm25 counts its words twice; lighter fields once.
        texts = []
        for field in self.search_fields:
            for current_field, value in self.prepare_field(self.obj, field):
                if isinstance(current_field, SearchField) and current_field.field_name != "title":
                    texts.extend([value] * sqlite_repeats(current_field.field_name))
        return stem_text(normalise_references(" ".join(texts)))

    @cached_property
    def autocomplete(self):
        # Not stemmed: autocomplete matches the beginning of the words as typed.
        return normalise_references(super().autocomplete)


class SQLiteIndex(sqlite.SQLiteIndex):
    indexer_class = SQLiteObjectIndexer

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {
            indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers
        }
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed = frozenset(
            entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True)
        )
        for object_id in indexed:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            IndexEntry(
                content_type_id=content_type_pk,
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()


class SQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    index_class = SQLiteIndex
