"""The Khmer catalogue is complete, compiled, and covers every string in the templates."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
KM_PO = ROOT / "locale" / "km" / "LC_MESSAGES" / "django.po"
KM_MO = KM_PO.with_suffix(".mo")
SKIPPED_DIRS = {".venv", "node_modules", "var", ".git"}
# {% translate "…" %} and {% trans '…' %} with a literal string and no context.
TEMPLATE_STRING = re.compile(r"""{%\s*(?:translate|trans)\s+(["'])(.+?)\1(?:\s+as\s+\w+)?\s*%}""")
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\ufeff")


@pytest.fixture(scope="module")
def catalogue() -> polib.POFile:
    return polib.pofile(str(KM_PO))


def project_templates() -> list[Path]:
    return [
        path
        for path in ROOT.rglob("templates/**/*.html")
        if not SKIPPED_DIRS.intersection(path.relative_to(ROOT).parts)
    ]


def test_every_khmer_entry_is_translated_and_none_is_fuzzy(catalogue):
    missing = [entry.msgid for entry in catalogue if not entry.obsolete and not entry.translated()]
    assert missing == [], f"Untranslated or fuzzy Khmer entries: {missing}"


def test_khmer_translations_have_no_zero_width_characters(catalogue):
    spoiled = [e.msgid for e in catalogue if any(c in e.msgstr for c in ZERO_WIDTH)]
    assert spoiled == []


def test_the_compiled_catalogue_matches_the_source(catalogue):
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(KM_MO))}
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            continue
        assert compiled.get((entry.msgctxt, entry.msgid)) == entry.msgstr, (
            f"{KM_MO} is out of date for {entry.msgid!r}: run `make messages`"
        )


def test_every_template_string_is_in_the_catalogue(catalogue):
    known = {entry.msgid for entry in catalogue}
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
