"""What a case waits for besides the office (a payment, say), shown beside its state in
My applications and in the officer's queue.

Apps above cases register a function (`register_waiting`) that takes a page of cases and
returns, for those that wait on them, a short label and the page about it (or, marked
`settled`, what the case waited for and no longer does, such as a fee paid, still linked);
`mark_waiting` puts them on the cases as `waiting_for` (a list), one query per app for
the whole page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cases.models import Case


@dataclass(frozen=True)
class Waiting:
    label: str
    url: str
    settled: bool = False


WaitingFor = Callable[[list[Case]], dict[int, Waiting]]
_waiting: list[WaitingFor] = []


def register_waiting(labels: WaitingFor) -> WaitingFor:
    if labels not in _waiting:
        _waiting.append(labels)
    return labels


def mark_waiting(cases: Iterable[Case]) -> list[Case]:
    """Return the cases, each with `waiting_for`: what it waits for (`Waiting`s)."""
    cases = list(cases)
    for case in cases:
        case.waiting_for = []  # type: ignore[attr-defined]
    for labels in _waiting:
        found = labels(cases)
        for case in cases:
            if case.pk in found:
                case.waiting_for.append(found[case.pk])  # type: ignore[attr-defined]
    return cases
