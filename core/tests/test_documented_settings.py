"""Every environment variable the code reads is documented for operators."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READER = re.compile(r"""\benv(?:str|bool|int|list|secret)\(\s*["']([A-Z][A-Z0-9_]+)["']""")


def runtime_dirs() -> list[Path]:
    """The project package and every app (a folder with an apps.py)."""
    return [ROOT / "sala", *(path.parent for path in ROOT.glob("*/apps.py"))]


def variables_read_by_the_code() -> set[str]:
    names: set[str] = set()
    for folder in runtime_dirs():
        for path in folder.rglob("*.py"):
            if "tests" in path.parts or "testing" in path.parts:
                continue
            names.update(READER.findall(path.read_text()))
    return names


def test_the_code_reads_the_variables_we_expect():
    assert {
        "DATABASE_URL",
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "REDIS_URL",
    } <= variables_read_by_the_code()


def test_every_variable_is_in_env_example_and_operations_docs():
    example = (ROOT / ".env.example").read_text()
    operations = (ROOT / "docs" / "operations.md").read_text()
    undocumented = sorted(
        name
        for name in variables_read_by_the_code()
        if f"{name}=" not in example or f"`{name}`" not in operations
    )
    assert undocumented == [], (
        f"Document these in .env.example and docs/operations.md: {undocumented}"
    )
