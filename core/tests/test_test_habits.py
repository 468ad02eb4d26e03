"""Meta-tests of the suite's own habits (CONTRIBUTING.md "Tests"): an assertion says what it
means, so a test cannot pass whichever way the code behaves."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def suite_files() -> list[Path]:
    return sorted(p for p in REPO.glob("*/tests/**/*.py") if ".venv" not in p.parts)


def accepted_statuses(node: ast.Compare) -> set[int]:
    """Return the numbers of `x in (403, 404)`-like comparisons, else an empty set."""
    if not any(isinstance(op, ast.In) for op in node.ops):
        return set()
    numbers: set[int] = set()
    for comparator in node.comparators:
        if isinstance(comparator, ast.Tuple | ast.List | ast.Set):
            numbers.update(
                e.value
                for e in comparator.elts
                if isinstance(e, ast.Constant) and isinstance(e.value, int)
            )
    return numbers


def checks_a_status_against_several(node: ast.Compare) -> bool:
    """Return whether the comparison is `<response>.status_code in (200, 429)`-like: a
    response's status checked against more than one number."""
    return (
        isinstance(node.left, ast.Attribute)
        and node.left.attr == "status_code"
        and len(accepted_statuses(node)) > 1
    )


def test_no_test_accepts_either_403_or_404():
    """Refused (403) and not there (404) are different answers: a test names the one it
    expects (403 for an object that exists but is not yours, 404 for one that is not)."""
    found = []
    for path in suite_files():
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Compare) and {403, 404} <= accepted_statuses(node):
                found.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not found, f"Assert the one status you mean: {found}"


def test_no_test_accepts_one_of_several_statuses():
    """A response has one status: a test that takes any of several passes whichever the
    code answers. It asserts the one it expects (parametrize when cases differ)."""
    found = []
    for path in suite_files():
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Compare) and checks_a_status_against_several(node):
                found.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not found, f"Assert the one status you mean: {found}"


def test_the_check_finds_what_it_looks_for():
    tree = ast.parse("assert response.status_code in (403, 404)\nassert code in {200, 302}")
    compares = [n for n in ast.walk(tree) if isinstance(n, ast.Compare)]
    assert [accepted_statuses(c) for c in compares] == [{403, 404}, {200, 302}]


def test_the_check_finds_a_status_among_several():
    tree = ast.parse(
        "r.status_code in (200, 429)\nr.status_code in [302]\nr.status_code == 200\n"
        "code in (200, 429)\nr.status_code in {'a': {302}}['a']"
    )
    compares = [n for n in ast.walk(tree) if isinstance(n, ast.Compare)]
    assert [checks_a_status_against_several(c) for c in compares] == [
        True,
        False,
        False,
        False,
        False,
    ]
