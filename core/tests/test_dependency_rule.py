"""Meta-tests that keep the import-linter contracts (pyproject.toml) covering every app, and
what import-linter cannot see: a private name imported from another app."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["importlinter"]

# Private names another app still imports, each with the change that removes it. This list
# only shrinks.
PRIVATE_IMPORTS_LEFT: set[tuple[str, str, str]] = set()


def app_packages() -> set[str]:
    """Return the top-level packages of the repository: the project, every Django app,
    the stand-ins (a folder with __init__.py; bench/ and tools/ are scripts)."""
    return {path.parent.name for path in REPO.glob("*/__init__.py")}


def layered_names() -> set[str]:
    (layers,) = [c["layers"] for c in CONFIG["contracts"] if c["type"] == "layers"]
    names = set()
    for layer in layers:
        names.update(name.strip().strip("()") for name in re.split(r"[|:]", layer))
    return names


def test_every_app_is_checked_by_import_linter():
    missing = app_packages() - set(CONFIG["root_packages"])
    assert not missing, f"Add {sorted(missing)} to root_packages in pyproject.toml"


def test_every_app_has_its_place_in_the_layers():
    assert "cases" in layered_names()
    unplaced = set(CONFIG["root_packages"]) - layered_names()
    assert not unplaced, f"Place {sorted(unplaced)} in the layers contract in pyproject.toml"


def test_the_sector_apps_to_come_are_placed_already():
    sector = {"payments", "health", "learning", "markets", "forums", "reports"}
    assert sector | {"dashboard", "api"} <= layered_names()


def private_imports_across_apps() -> set[tuple[str, str, str]]:
    apps = app_packages()
    found = set()
    for path in REPO.glob("*/**/*.py"):
        relative = path.relative_to(REPO)
        app = relative.parts[0]
        if app not in apps or "tests" in relative.parts or "migrations" in relative.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(relative))):
            if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
                continue
            parts = node.module.split(".")
            if parts[0] not in apps or parts[0] == app:
                continue
            for alias in node.names:
                if alias.name.startswith("_") or any(p.startswith("_") for p in parts[1:]):
                    found.add((relative.as_posix(), node.module, alias.name))
    return found


def test_no_app_imports_a_private_name_of_another():
    found = private_imports_across_apps()
    assert found - PRIVATE_IMPORTS_LEFT == set(), "make the name public in its own app"


def test_the_list_of_private_imports_left_only_shrinks():
    gone = PRIVATE_IMPORTS_LEFT - private_imports_across_apps()
    assert not gone, f"Remove {sorted(gone)} from PRIVATE_IMPORTS_LEFT"
