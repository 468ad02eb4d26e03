from __future__ import annotations

import pytest

from search.engine import SearchRequest, run_search
from search.tests.corpus import build_corpus
from search.tests.heldout import HELD_OUT, KINDS
from search.tests.relevance import QUERIES, TUNING_BY_KIND, evaluate_cases

pytestmark = pytest.mark.django_db

# The bar of issue 16: the right place or service among the first five results.
MIN_RECALL_AT_5 = 0.95


def ranked_keys(text: str, language: str) -> list[str]:
    results = run_search(SearchRequest(text=text, language=language))
    return [hit.document.key for hit in results.hits]


def test_the_relevance_sets_are_large_and_apart():
    assert len(QUERIES) + len(TUNING_BY_KIND) >= 300
    assert len(HELD_OUT) >= 150
    assert {kind for kind, *_rest in HELD_OUT} == set(KINDS)
    tuning = {(text, language) for text, language, _w in QUERIES}
    tuning |= {(text, language) for _k, text, language, _w in TUNING_BY_KIND}
    assert not tuning & {(text, language) for _k, text, language, _w in HELD_OUT}


def test_recall_at_5_stays_above_the_bar():
    corpus = build_corpus()
    sets = {
        "tuning": [("tuning", t, lang, w) for t, lang, w in QUERIES] + TUNING_BY_KIND,
        "held-out": HELD_OUT,
    }
    report = []
    recalls = {}
    for name, cases in sets.items():
        result = evaluate_cases(cases, ranked_keys, corpus.ids)
        recalls[name] = result.recall
        report.append(f"{name}: recall@5 {result.recall:.3f}, MRR {result.mrr:.3f}")
        report.extend(result.missed)
    print("\n".join(report))  # noqa: T201
    assert min(recalls.values()) >= MIN_RECALL_AT_5, "\n".join(report)
