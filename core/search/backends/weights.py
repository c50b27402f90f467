"""What a word weighs in each search field (settings.SEARCH_FIELD_WEIGHTS), as each backend says it."""

from django.conf import settings

# Weight classes of PostgreSQL's tsvectors, best first.
WEIGHT_CLASSES = "ABCD"


def field_weight(field_name: str) -> float:
    """The weight settings.SEARCH_FIELD_WEIGHTS gives a search field, by its name; the "default"
    entry for a field it does not name."""
    weights = settings.SEARCH_FIELD_WEIGHTS
    return weights.get(field_name, weights["default"])


def weight_class(field_name: str) -> str:
    """The PostgreSQL weight class (A to D) of a field: the distinct weights of the setting, best
    first, take A, B, C and D; beyond four, the lowest share D."""
    distinct = sorted(set(settings.SEARCH_FIELD_WEIGHTS.values()), reverse=True)
    rank = distinct.index(field_weight(field_name))
    return WEIGHT_CLASSES[min(rank, len(WEIGHT_CLASSES) - 1)]


def sql_weights() -> str:
    """ts_rank's weights array {D, C, B, A} for the classes of weight_class, relative to the best."""
    distinct = sorted(set(settings.SEARCH_FIELD_WEIGHTS.values()), reverse=True)[:4]
    top = distinct[0]
    values = [weight / top for weight in distinct]
    values += [values[-1]] * (len(WEIGHT_CLASSES) - len(values))
    return "{" + ",".join(f"{value:.4f}" for value in reversed(values)) + "}"
