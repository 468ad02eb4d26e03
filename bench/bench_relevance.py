"""How often search finds what people type: recall@5 of the held-out relevance set
(search/tests/heldout.py) per kind and in total, and of the tuning set
(search/tests/relevance.py), over the fixed corpus of search/tests/corpus.py.

`make relevance` runs it alone and prints the table, the misses and a summary; `make bench`
runs it with the other benchmarks. A throwaway SQLite database in a temporary directory
(demo settings); nothing of var/ is touched. The goal is ≥ 95 % on the held-out set.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL = 0.95


def _configure(tmp: str) -> None:
    os.environ.pop("REDIS_URL", None)
    os.environ.update(
        {
            "SALA_ENV": "demo",
            "DJANGO_SETTINGS_MODULE": "sala.settings.demo",
            "SALA_VAR_DIR": tmp,
            "LOG_LEVEL": "WARNING",
            "TASKS_BACKEND": "immediate",
            "DATABASE_URL": f"sqlite:///{tmp}/relevance.sqlite3",
        }
    )


def evaluate(progress: Callable[[str], None]) -> dict:
    """Return {set name: Evaluation} for the held-out and the tuning set."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from search.engine import SearchRequest, run_search
    from search.tests.corpus import build_corpus
    from search.tests.heldout import HELD_OUT
    from search.tests.relevance import QUERIES, TUNING_BY_KIND, evaluate_cases

    progress("migrating a temporary database")
    call_command("migrate", verbosity=0, interactive=False)
    progress("building and indexing the corpus")
    with transaction.atomic():
        corpus = build_corpus()

    def ranked(text: str, language: str) -> list[str]:
        return [h.document.key for h in run_search(SearchRequest(text, language)).hits]

    def every(step: int, name: str) -> Callable[[int, int], None]:
        def report(done: int, total: int) -> None:
            if done % step == 0 or done == total:
                progress(f"{name}: {done}/{total} queries")

        return report

    sets = {
        "held-out": HELD_OUT,
        "tuning": [("tuning", text, language, wanted) for text, language, wanted in QUERIES]
        + TUNING_BY_KIND,
    }
    return {
        name: evaluate_cases(cases, ranked, corpus.ids, every(25, name))
        for name, cases in sets.items()
    }


def run(progress: Callable[[str], None]) -> dict:
    """For bench/run.py: recall@5 per set and per held-out kind, and the MRR."""
    with tempfile.TemporaryDirectory(prefix="sala-relevance-") as tmp:
        _configure(tmp)
        results = evaluate(progress)
    out = {}
    for name, result in results.items():
        out[f"{name} recall@5"] = result.recall
        out[f"{name} MRR"] = result.mrr
    for kind, (found, cases) in results["held-out"].per_kind.items():
        out[f"held-out {kind} recall@5"] = found / cases
    return out


def main() -> int:
    started = time.monotonic()

    def progress(message: str) -> None:
        print(f"  [relevance {time.monotonic() - started:6.1f}s] {message}", flush=True)

    with tempfile.TemporaryDirectory(prefix="sala-relevance-") as tmp:
        _configure(tmp)
        results = evaluate(progress)
    from search.tests.heldout import KINDS

    held_out = results["held-out"]
    print("\nMissed (held-out):")
    print("\n".join(f"  {line}" for line in held_out.missed) or "  none")
    print("\nMissed (tuning):")
    print("\n".join(f"  {line}" for line in results["tuning"].missed) or "  none")
    header = f"{'set':<10} {'kind':<18} {'found':>6} {'cases':>6} {'recall@5':>9}"
    print(f"\n{header}\n{'-' * len(header)}")
    for kind, (found, cases) in held_out.per_kind.items():
        print(f"{'held-out':<10} {kind:<18} {found:>6} {cases:>6} {found / cases:>9.1%}")
    for name, result in results.items():
        print(
            f"{name:<10} {'total':<18} {result.found:>6} {result.cases:>6} {result.recall:>9.1%}"
            f"   MRR {result.mrr:.3f}"
        )
    verdict = "meets" if held_out.recall >= GOAL else "is BELOW"
    print(
        f"\nHeld-out recall@5 {held_out.recall:.1%} ({held_out.found} of {held_out.cases} "
        f"queries, {len(KINDS)} kinds) {verdict} the goal of {GOAL:.0%}; tuning set "
        f"{results['tuning'].recall:.1%} of {results['tuning'].cases}; "
        f"in {time.monotonic() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
