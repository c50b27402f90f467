"""The project's relevance set (benchmarks/relevance/queries.toml) over the demo content: top-1
accuracy and nDCG@5 may not fall, overall or in any category, more than MARGIN below the figures
recorded for this database in benchmarks/relevance/baseline.json (`benchmarks/relevance.sh --record`
records them). The demo site is built once for the module, in a transaction rolled back after it."""

from django.db import connection

import pytest

from benchmarks.relevance import evaluate
from tests.conftest import demo_site_in_transaction


@pytest.fixture(scope="module")
def summary(django_db_setup, django_db_blocker):
    with demo_site_in_transaction(django_db_blocker):
        yield evaluate.summarise(evaluate.run())


def test_the_relevance_set_has_forty_judged_queries_in_every_category():
    queries = evaluate.load_queries()
    categories = {q.category for q in queries}
    assert len(queries) >= 40
    assert {
        "topics",
        "inflections",
        "accents",
        "acronyms",
        "legal",
        "attachments",
        "typos",
        "off-topic",
    } <= categories
    assert any(not q.best for q in queries if q.category == "off-topic")


def test_ndcg_rewards_the_best_result_first_and_an_empty_answer_to_an_off_topic_query():
    query = evaluate.JudgedQuery("q", "topics", best=("a",), relevant=("b",))
    assert evaluate.Outcome(query, ["a", "b"]).ndcg == 1.0
    assert 0 < evaluate.Outcome(query, ["b", "a"]).ndcg < 1.0
    assert evaluate.Outcome(query, ["b", "a"]).top1 == 0.0
    off_topic = evaluate.JudgedQuery("q", "off-topic")
    assert evaluate.Outcome(off_topic, []).ndcg == evaluate.Outcome(off_topic, []).top1 == 1.0
    assert evaluate.Outcome(off_topic, ["a"]).ndcg == 0.0


def test_a_drop_below_the_baseline_is_reported():
    before = {
        "overall": {"top1": 0.9, "ndcg5": 0.9},
        "categories": {"legal": {"top1": 1.0, "ndcg5": 1.0}},
    }
    now = {
        "overall": {"top1": 0.9, "ndcg5": 0.85},
        "categories": {"legal": {"top1": 0.5, "ndcg5": 1.0}},
    }
    assert evaluate.regressions(now, before) == [
        "overall ndcg5: 0.850 < baseline 0.900",
        "legal top1: 0.500 < baseline 1.000",
    ]


@pytest.mark.django_db
def test_relevance_stays_at_its_baseline(summary):
    baseline = evaluate.load_baseline(connection.vendor)
    assert evaluate.regressions(summary, baseline) == [], evaluate.table(summary)
