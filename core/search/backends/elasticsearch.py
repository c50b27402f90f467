"""Elasticsearch 9 with the project's field weights (`BACKEND = "core.search.backends.elasticsearch"`).

modelsearch's Elasticsearch backend boosts each field by the `boost` of its model's `SearchField`,
which each model (and Wagtail's Page, title boost 2) sets as it pleases. The database backends weigh
fields by settings.SEARCH_FIELD_WEIGHTS instead (core.search.backends.weights); here the same
setting gives the boosts, relative to the body's ("default") weight, so that a title outweighs a
summary, which outweighs a body, which outweighs attached documents and taxonomy names, by the same
ratios on every backend:

- in the mapping, each search field copies its text into `_all_text` and, when its weight is not
  the body's, into `_all_text_boost_<boost>`;
- in the query, `_all_text` and those boost fields are searched with their boosts (dis_max), and a
  search restricted to fields uses each field's boost.
"""

import copy

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.index import SearchField, get_indexed_models

from .weights import field_weight


def boost(field_name: str) -> float | None:
    """The boost of a search field: its weight over the body's, None when it is the body's."""
    value = round(field_weight(field_name) / field_weight("default"), 4)
    return None if value == 1 else value


def reweighted(field):
    """A copy of a model's search field with the project's boost (other fields as they are)."""
    if not isinstance(field, SearchField):
        return field
    field = copy.copy(field)
    field.boost = boost(field.field_name)
    return field


class WeightedMapping(Elasticsearch9Mapping):
    def get_field_mapping(self, field):
        return super().get_field_mapping(reweighted(field))


class WeightedQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = WeightedMapping

    def get_searchable_fields(self):
        return [reweighted(field) for field in super().get_searchable_fields()]

    def _remap_fields(self, fields):
        if fields:
            return super()._remap_fields(fields)
        boosts = set()
        for model in get_indexed_models():
            if issubclass(model, self.queryset.model):
                for field in model.get_searchable_search_fields():
                    value = reweighted(field).boost
                    if value:
                        boosts.add(float(value))
        return [Field("_all_text")] + [
            Field(self.mapping.get_boost_field_name(value), value) for value in sorted(boosts)
        ]


class WeightedAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = WeightedMapping


class WeightedElasticsearchBackend(Elasticsearch9SearchBackend):
    mapping_class = WeightedMapping
    query_compiler_class = WeightedQueryCompiler
    autocomplete_query_compiler_class = WeightedAutocompleteQueryCompiler


SearchBackend = WeightedElasticsearchBackend
