"""The project's relevance set (queries.toml) run through the hub's and the site's search, scored as
top-1 accuracy and nDCG@5, per category and overall. Used by `benchmarks/bench_relevance.py` (`make
bench`) and by tests/resources/test_relevance.py, which compares a run with baseline.json.

Gains: 2 for a `best` slug, 1 for a `relevant` one. A query with no `best` expects no result: it scores
1 on both metrics when the search answers nothing, 0 otherwise."""

import json
import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "queries.toml"
BASELINE = HERE / "baseline.json"
DEPTH = 5
# A run fails the test when a metric, overall or in one category, falls further than this below the
# baseline: one query lost in the smallest category is more than this.
MARGIN = 0.02


@dataclass(frozen=True)
class JudgedQuery:
    q: str
    category: str
    scope: str = "hub"
    best: tuple = ()
    relevant: tuple = ()


@dataclass
class Outcome:
    query: JudgedQuery
    slugs: list = field(default_factory=list)

    @property
    def top1(self) -> float:
        if not self.query.best:
            return float(not self.slugs)
        return float(bool(self.slugs) and self.slugs[0] in self.query.best)

    @property
    def ndcg(self) -> float:
        if not self.query.best:
            return float(not self.slugs)
        gains = dict.fromkeys(self.query.relevant, 1) | dict.fromkeys(self.query.best, 2)
        dcg = sum(gains.get(slug, 0) / math.log2(rank + 2) for rank, slug in enumerate(self.slugs))
        ideal = sorted(gains.values(), reverse=True)[:DEPTH]
        return dcg / sum(gain / math.log2(rank + 2) for rank, gain in enumerate(ideal))


def load_queries(path: Path = QUERIES) -> list[JudgedQuery]:
    with path.open("rb") as source:
        data = tomllib.load(source)
    return [
        JudgedQuery(
            q=entry["q"],
            category=entry["category"],
            scope=entry.get("scope", "hub"),
            best=tuple(entry.get("best", ())),
            relevant=tuple(entry.get("relevant", ())),
        )
        for entry in data["query"]
    ]


def hub_slugs(query: str) -> list[str]:
    """The slugs of the first DEPTH results of the French hub for `query`, by relevance."""
    from django.http import QueryDict

    from resources.models import ResourceIndexPage
    from resources.search import read_params, run_search

    hub = ResourceIndexPage.objects.live().get(locale__language_code="fr")
    data = QueryDict(mutable=True)
    data["q"] = query
    results = run_search(hub, read_params(data, hub.locale))
    return [page.slug for page in results[:DEPTH]]


def site_slugs(query: str) -> list[str]:
    """The slugs of the first DEPTH results of the French site-wide search for `query`."""
    from django.utils import translation

    from core.search.query import parse_search_query
    from home.views import site_search

    with translation.override("fr"):
        results = site_search(parse_search_query(query))
        return [page.slug for page in results[:DEPTH]]


def run(queries=None) -> list[Outcome]:
    searches = {"hub": hub_slugs, "site": site_slugs}
    return [Outcome(q, searches[q.scope](q.q)) for q in (queries or load_queries())]


def summarise(outcomes: list[Outcome]) -> dict:
    """{"overall": {n, top1, ndcg5}, "categories": {category: {n, top1, ndcg5}}}, rounded to 3."""

    def scores(group):
        return {
            "n": len(group),
            "top1": round(sum(o.top1 for o in group) / len(group), 3),
            "ndcg5": round(sum(o.ndcg for o in group) / len(group), 3),
        }

    categories = {}
    for outcome in outcomes:
        categories.setdefault(outcome.query.category, []).append(outcome)
    return {
        "overall": scores(outcomes),
        "categories": {name: scores(group) for name, group in categories.items()},
    }


def regressions(summary: dict, baseline: dict, margin: float = MARGIN) -> list[str]:
    """Each metric of `summary` more than `margin` below `baseline`, as a line to read."""
    lines = []
    pairs = [("overall", summary["overall"], baseline["overall"])]
    pairs += [
        (name, summary["categories"].get(name, {"top1": 0.0, "ndcg5": 0.0}), scores)
        for name, scores in baseline["categories"].items()
    ]
    for name, now, before in pairs:
        for metric in ("top1", "ndcg5"):
            if now[metric] < before[metric] - margin:
                lines.append(f"{name} {metric}: {now[metric]:.3f} < baseline {before[metric]:.3f}")
    return lines


def load_baseline(vendor: str) -> dict:
    return json.loads(BASELINE.read_text())[vendor]


def table(summary: dict) -> str:
    rows = [f"{'category':<12} {'n':>3} {'top-1':>6} {'nDCG@5':>7}"]
    for name, scores in [*summary["categories"].items(), ("overall", summary["overall"])]:
        rows.append(f"{name:<12} {scores['n']:>3} {scores['top1']:>6.3f} {scores['ndcg5']:>7.3f}")
    return "\n".join(rows)
