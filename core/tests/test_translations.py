"""The Khmer catalogues are complete, compiled, and cover every string in the templates.

The project's catalogue is `locale/`; an app may keep its own in `<app>/locale/` (Django's
makemessages writes an app's strings there when the folder exists, and Django reads it),
which keeps apps developed side by side from editing one file.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SKIPPED_DIRS = {".venv", "node_modules", "var", ".git"}
KM_CATALOGUES = sorted(
    path
    for path in [
        ROOT / "locale" / "km" / "LC_MESSAGES" / "django.po",
        *ROOT.glob("*/locale/km/LC_MESSAGES/django.po"),
    ]
    if not SKIPPED_DIRS.intersection(path.relative_to(ROOT).parts)
)
# {% translate "…" %} and {% trans '…' %} with a literal string and no context.
TEMPLATE_STRING = re.compile(
    r"""{%\s*(?:translate|trans)\s+(["'])((?:(?!\1).)+)\1(?:\s+as\s+\w+)?\s*%}"""
)
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\ufeff")


def catalogue_id(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.fixture(scope="module", params=KM_CATALOGUES, ids=catalogue_id)
def catalogue(request) -> tuple[Path, polib.POFile]:
    return request.param, polib.pofile(str(request.param))


def project_templates() -> list[Path]:
    return [
        path
        for path in ROOT.rglob("templates/**/*.html")
        if not SKIPPED_DIRS.intersection(path.relative_to(ROOT).parts)
    ]


def test_the_projects_catalogue_is_among_those_checked():
    assert ROOT / "locale" / "km" / "LC_MESSAGES" / "django.po" in KM_CATALOGUES


def test_every_khmer_entry_is_translated_and_none_is_fuzzy(catalogue):
    _path, entries = catalogue
    missing = [entry.msgid for entry in entries if not entry.obsolete and not entry.translated()]
    assert missing == [], f"Untranslated or fuzzy Khmer entries: {missing}"


def test_khmer_translations_have_no_zero_width_characters(catalogue):
    _path, entries = catalogue
    spoiled = [e.msgid for e in entries if any(c in e.msgstr for c in ZERO_WIDTH)]
    assert spoiled == []


def test_the_compiled_catalogue_matches_the_source(catalogue):
    path, entries = catalogue
    mo = path.with_suffix(".mo")
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(mo))}
    singular = [e for e in entries.translated_entries() if not e.msgid_plural]
    assert singular, f"{path} has no translated entry to compare"
    for entry in singular:
        assert compiled.get((entry.msgctxt, entry.msgid)) == entry.msgstr, (
            f"{mo} is out of date for {entry.msgid!r}: run `make messages`"
        )


def test_every_template_string_is_in_a_catalogue():
    known = {entry.msgid for path in KM_CATALOGUES for entry in polib.pofile(str(path))}
    absent = sorted(
        {
            f"{path.relative_to(ROOT)}: {match.group(2)}"
            for path in project_templates()
            for match in TEMPLATE_STRING.finditer(path.read_text())
            if match.group(2) not in known
        }
    )
    assert absent == [], "Strings missing from the catalogue (run `make messages`):\n" + "\n".join(
        absent
    )
