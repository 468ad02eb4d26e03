"""Extract the translatable strings into locale/ and compile them (`make messages`).

Development only; needs GNU gettext (xgettext, msgmerge, msgfmt). Runs `makemessages` for
Khmer and English over the whole project, for the `django` domain and, when some static
JavaScript of ours calls gettext(), the `djangojs` domain; then `compilemessages`. The
compiled .mo files are committed, so running the portal needs no gettext.

Django's own messages that citizens read (form and validation errors, the fields and errors
of signing in) are carried in our catalogue as well: Django's Khmer catalogue translates
about a third of them, and ours (first in LOCALE_PATHS) wins. So are django-allauth's
(signing in and up, email verification, password reset, two-step verification), which has
no Khmer catalogue at all. Their translations survive each run although makemessages,
which sees only our sources, drops them.

Locations are written as file names without line numbers, so that editing a template
does not rewrite every entry below it in the catalogues.

An app with a `locale/` folder keeps its own catalogue there (makemessages writes the app's
strings into it, Django reads it after `locale/`): new apps do, so that apps developed side
by side do not all edit one file. A new catalogue gets the project's header, and no
catalogue's header changes only because the messages were extracted again (its
POT-Creation-Date is kept), for the same reason.
"""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "locale"
LANGUAGES = ("km", "en")
# Folders that are not ours or not source: never scanned, never compiled into.
IGNORED = (".venv", "venv", "node_modules", "var", ".git", "test-results", "staticfiles")
JS_GETTEXT = re.compile(r"\b(?:n|p|np)?gettext\s*\(")

# The packages whose English catalogues (they list every message with its source file) we
# read, and in each the modules whose messages a citizen or an officer can meet. A module
# ending in "/" stands for every file under that folder (allauth's templates).
UPSTREAM = {
    "django": {
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
    },
    # Signing in and up, email verification, password reset and two-step verification.
    # Not socialaccount, usersessions, headless or idp: the portal does not use them.
    "allauth": {
        "locale": (
            "account/adapter.py",
            "account/fields.py",
            "account/forms.py",
            "account/models.py",
            "mfa/adapter.py",
            "mfa/models.py",
            "mfa/base/forms.py",
            "mfa/recovery_codes/forms.py",
            "mfa/totp/forms.py",
            "mfa/webauthn/forms.py",
            "templates/account/",
            "templates/allauth/",
            "templates/mfa/",
        ),
    },
}


def main() -> int:
    languages = [arg for language in LANGUAGES for arg in ("-l", language)]
    ignored = [f"--ignore={name}" for name in IGNORED] + [f"--ignore={name}/*" for name in IGNORED]
    options = ["--no-obsolete", "--no-wrap", "--add-location=file", *ignored]
    upstream = upstream_entries()
    kept = {language: kept_translations(language, upstream) for language in LANGUAGES}
    dates = creation_dates()
    manage("makemessages", "--domain=django", *languages, *options)
    for language in LANGUAGES:
        add_upstream_entries(language, upstream, kept[language])
    if uses_js_gettext():
        manage("makemessages", "--domain=djangojs", *languages, *options)
    settle_headers(dates)
    manage("compilemessages", *languages, *ignored)
    return 0


def all_catalogues() -> list[Path]:
    """Return the project's catalogues and the apps' own (`<app>/locale/`)."""
    found = list(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")) + list(
        ROOT.glob("*/locale/*/LC_MESSAGES/*.po")
    )
    return [path for path in found if not set(path.relative_to(ROOT).parts).intersection(IGNORED)]


def creation_dates() -> dict[Path, str]:
    return {
        path: polib.pofile(str(path)).metadata.get("POT-Creation-Date", "")
        for path in all_catalogues()
    }


def settle_headers(dates: dict[Path, str]) -> None:
    """Keep each catalogue's creation date; give new app catalogues the project's header."""
    for path in all_catalogues():
        catalogue = polib.pofile(str(path), wrapwidth=0)
        language = path.parent.parent.name
        project = polib.pofile(str(catalogue_path(language))).metadata
        before = dict(catalogue.metadata)
        if dates.get(path):
            catalogue.metadata["POT-Creation-Date"] = dates[path]
        if not catalogue.metadata.get("Language"):
            for key in ("Project-Id-Version", "Last-Translator", "Language-Team", "Language"):
                catalogue.metadata[key] = project[key]
            catalogue.metadata["PO-Revision-Date"] = catalogue.metadata["POT-Creation-Date"]
            catalogue.header = (
                f"Sala, the {path.parts[-5]} app: {language} catalogue.\n"
                "Written by `make messages` (tools/messages.py); translate the msgstr lines only."
            )
            catalogue.metadata_is_fuzzy = False
        if catalogue.metadata != before:
            catalogue.save(str(path))


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


def entry_key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def package_dir(package: str) -> Path:
    return Path(importlib.import_module(package).__file__).resolve().parent


def in_modules(path: str, modules: tuple[str, ...]) -> bool:
    return any(path == m or (m.endswith("/") and path.startswith(m)) for m in modules)


def upstream_entries() -> list[polib.POEntry]:
    """Return the UPSTREAM modules' messages, each with its modules, once each."""
    entries: dict[tuple[str | None, str], polib.POEntry] = {}
    for package, catalogues in UPSTREAM.items():
        for locale_dir, modules in catalogues.items():
            source = package_dir(package) / locale_dir / "en" / "LC_MESSAGES" / "django.po"
            for entry in polib.pofile(str(source)):
                files = [path for path, _line in entry.occurrences if in_modules(path, modules)]
                if not files or not entry.msgid:
                    continue
                locations = [(f"{package}/{path}", "") for path in dict.fromkeys(files)]
                first = entries.get(entry_key(entry))
                if first:  # two packages share the message: one entry, both locations
                    first.occurrences += [o for o in locations if o not in first.occurrences]
                    continue
                entry.occurrences = locations
                entries[entry_key(entry)] = entry
    return list(entries.values())


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
