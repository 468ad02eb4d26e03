"""Extract the translatable strings into locale/ and compile them (`make messages`).

Development only; needs GNU gettext (xgettext, msgmerge, msgfmt). Runs `makemessages` for
Khmer and English over the whole project, for the `django` domain and, when some static
JavaScript of ours calls gettext(), the `djangojs` domain; then `compilemessages`. The
compiled .mo files are committed, so running the portal needs no gettext.

Django's own messages that citizens read (form and validation errors, the fields and errors
of signing in) are carried in our catalogue as well: Django's Khmer catalogue translates
about a third of them, and ours (first in LOCALE_PATHS) wins. Their translations survive
each run although makemessages, which sees only our sources, drops them.

Locations are written as file names without line numbers, so that editing a template
does not rewrite every entry below it in the catalogues.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import django
import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "locale"
LANGUAGES = ("km", "en")
# Folders that are not ours or not source: never scanned, never compiled into.
IGNORED = (".venv", "venv", "node_modules", "var", ".git", "test-results", "staticfiles")
JS_GETTEXT = re.compile(r"\b(?:n|p|np)?gettext\s*\(")

DJANGO_DIR = Path(django.__file__).resolve().parent
# Django's English catalogues (they list every message with its source file) and the
# modules whose messages a citizen can meet.
UPSTREAM = {
    "conf/locale": (
        "core/validators.py",
        "forms/fields.py",
        "forms/forms.py",
        "forms/formsets.py",
        "forms/models.py",
        "forms/utils.py",
        "forms/widgets.py",
    ),
    "contrib/auth/locale": (
        "contrib/auth/base_user.py",
        "contrib/auth/forms.py",
        "contrib/auth/models.py",
        "contrib/auth/password_validation.py",
        "contrib/auth/validators.py",
    ),
}


def main() -> int:
    languages = [arg for language in LANGUAGES for arg in ("-l", language)]
    ignored = [f"--ignore={name}" for name in IGNORED] + [f"--ignore={name}/*" for name in IGNORED]
    options = ["--no-obsolete", "--no-wrap", "--add-location=file", *ignored]
    upstream = upstream_entries()
    kept = {language: kept_translations(language, upstream) for language in LANGUAGES}
    manage("makemessages", "--domain=django", *languages, *options)
    for language in LANGUAGES:
        add_upstream_entries(language, upstream, kept[language])
    if uses_js_gettext():
        manage("makemessages", "--domain=djangojs", *languages, *options)
    manage("compilemessages", *languages, *ignored)
    return 0


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


def entry_key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def upstream_entries() -> list[polib.POEntry]:
    """Return Django's messages from the UPSTREAM modules, each with its module."""
    entries = []
    for locale_dir, modules in UPSTREAM.items():
        source = DJANGO_DIR / locale_dir / "en" / "LC_MESSAGES" / "django.po"
        for entry in polib.pofile(str(source)):
            files = [path for path, _line in entry.occurrences if path in modules]
            if files and entry.msgid:
                entry.occurrences = [(f"django/{path}", "") for path in dict.fromkeys(files)]
                entries.append(entry)
    return entries


def kept_translations(
    language: str, upstream: list[polib.POEntry]
) -> dict[tuple[str | None, str], polib.POEntry]:
    """Return our current translations of Django's messages, before makemessages drops them."""
    path = catalogue_path(language)
    if not path.exists():
        return {}
    wanted = {entry_key(entry) for entry in upstream}
    return {entry_key(e): e for e in polib.pofile(str(path)) if entry_key(e) in wanted}


def add_upstream_entries(
    language: str,
    upstream: list[polib.POEntry],
    kept: dict[tuple[str | None, str], polib.POEntry],
) -> None:
    """Put Django's messages back into the catalogue, with the translations we had."""
    path = catalogue_path(language)
    catalogue = polib.pofile(str(path), wrapwidth=0)
    present = {entry_key(entry) for entry in catalogue}
    plural_forms = catalogue.metadata.get("Plural-Forms", "nplurals=2;")
    plurals = int(re.search(r"nplurals\s*=\s*(\d+)", plural_forms).group(1))
    for source in upstream:
        if entry_key(source) in present:
            continue  # our own code uses the same message; its entry serves both
        old = kept.get(entry_key(source))
        entry = polib.POEntry(
            msgid=source.msgid,
            msgctxt=source.msgctxt,
            occurrences=source.occurrences,
            flags=[flag for flag in source.flags if flag != "fuzzy"],
        )
        if source.msgid_plural:
            entry.msgid_plural = source.msgid_plural
            entry.msgstr_plural = {
                n: (old.msgstr_plural.get(n, "") if old else "") for n in range(plurals)
            }
        else:
            entry.msgstr = old.msgstr if old else ""
        if old and "fuzzy" in old.flags:
            entry.flags.append("fuzzy")
        catalogue.append(entry)
    catalogue.save(str(path))


def uses_js_gettext() -> bool:
    for path in ROOT.glob("*/static/**/*.js"):
        parts = path.relative_to(ROOT).parts
        if not set(parts).intersection(IGNORED) and JS_GETTEXT.search(path.read_text()):
            return True
    return False


def manage(*args: str) -> None:
    env = {**os.environ, "SALA_ENV": os.environ.get("SALA_ENV", "demo")}
    print("manage.py", " ".join(args[:2]), "...", flush=True)
    subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True
    )


if __name__ == "__main__":
    sys.exit(main())
