"""PostgreSQL: legal references as one token in the indexed text, each field in the weight class
settings.SEARCH_FIELD_WEIGHTS gives it, and ts_rank with those classes' weights."""

from modelsearch.backends.database.postgres import postgres
from modelsearch.utils import get_content_type_pk

from ..analysis import normalise_references
from .weights import sql_weights, weight_class

IndexEntry = postgres.IndexEntry


class PostgresObjectIndexer(postgres.ObjectIndexer):
    def prepare_field(self, obj, field):
        for current_field, _weight, value in super().prepare_field(obj, field):
            weight = weight_class(getattr(current_field, "field_name", "default"))
            yield current_field, weight, normalise_references(value)


class PostgresSearchQueryCompiler(postgres.PostgresSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sql_weights = sql_weights()


class PostgresIndex(postgres.PostgresIndex):
    indexer_class = PostgresObjectIndexer

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = postgres.InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(
                    IndexEntry._meta.get_field(name), getattr(indexer, name)
                )
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        table = IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, "
                f"title_norm, title_text, body_text) (VALUES {', '.join(rows)}) "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, "
                "title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
                "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )
        self._refresh_title_norms()


class PostgresSearchBackend(postgres.PostgresSearchBackend):
    index_class = PostgresIndex
    query_compiler_class = PostgresSearchQueryCompiler
