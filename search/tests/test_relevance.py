from __future__ import annotations

import pytest

from search.engine import SearchRequest, run_search
from search.tests.corpus import build_corpus
from search.tests.relevance import QUERIES, evaluate

pytestmark = pytest.mark.django_db

MIN_RECALL_AT_5 = 0.9


def ranked_keys(text: str, language: str) -> list[str]:
    results = run_search(SearchRequest(text=text, language=language))
    return [hit.document.key for hit in results.hits]


def test_the_relevance_set_has_at_least_100_queries():
    assert len(QUERIES) >= 100


def test_recall_at_5_stays_above_0_9():
    corpus = build_corpus()
    recall, mrr, missed = evaluate(ranked_keys, corpus.ids)
    report = "\n".join(missed)
    print(f"recall@5 {recall:.3f}, MRR {mrr:.3f}, {len(QUERIES)} queries\n{report}")  # noqa: T201
    assert recall > MIN_RECALL_AT_5, report
