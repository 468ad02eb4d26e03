"""Rebuild the portal's Khmer web font (`make fonts`); development only, needs npm.

Fetches @fontsource/noto-sans-khmer at a pinned version and integrity with `npm pack`
into a temporary directory, subsets each weight to the Khmer and the Latin characters
the portal uses with fontTools, writes the woff2 files and the licence to
core/static/core/fonts/, and rewrites the @font-face rules between the markers in
core/static/core/css/sala.css. The output is committed, so `make demo` needs only Python.

Weights are budgeted: a public page must stay under 100 KB with its fonts, so only the
regular (400) and bold (700) weights are built, and browsers fetch the Latin or Khmer
file of a weight only when a page shows characters from its unicode-range.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from npm_package import fetch_package  # tools/, beside this script

ROOT = Path(__file__).resolve().parent.parent
FONTS_DIR = ROOT / "core" / "static" / "core" / "fonts"
CSS_FILE = ROOT / "core" / "static" / "core" / "css" / "sala.css"
CSS_BEGIN = "/* fonts:begin (written by tools/build_fonts.py, do not edit) */"
CSS_END = "/* fonts:end */"

PACKAGE = "@fontsource/noto-sans-khmer"
VERSION = "5.3.0"
# The tarball's npm integrity (`npm view @fontsource/noto-sans-khmer@5.3.0 dist.integrity`).
INTEGRITY = (
    "sha512-gdbZkSmmMa7up92bksz5uKkjt70hCmLr9Q9B/Bxu4qYfXr+BvRLvf7N"
    "DAO4WP64coTdCcrzmHFciXirbdJEToQ=="
)
WEIGHTS = (400, 700)

# Each subset: the fontsource file it is cut from, the CSS family it is declared in and the
# characters it keeps. Khmer text is full of spaces, digits and ASCII punctuation, so the
# Khmer file carries those too: a Khmer page then needs the Latin file only for Latin
# letters, and never its bold just for the spaces of a bold heading. The Latin glyphs get a
# family of their own so that English pages (font stack "Latin first", see sala.css)
# never download the Khmer file for a space or a comma.
SUBSETS = {
    "khmer": (
        "Noto Sans Khmer",
        (
            "U+0020-0040",  # space, ASCII punctuation and digits
            "U+005B-0060",
            "U+007B-007E",
            "U+00A0",  # no-break space
            "U+00AB",  # guillemets
            "U+00BB",
            "U+1780-17FF",  # Khmer
            "U+19E0-19FF",  # Khmer Symbols (lunar dates)
            "U+200B-200D",  # zero-width space, non-joiner, joiner
            "U+25CC",  # dotted circle, shown for a lone combining mark
        ),
    ),
    "latin": (
        "Noto Sans Khmer Latin",
        (
            "U+0020-007E",  # Basic Latin
            "U+00A0-00BF",  # Latin-1 punctuation and signs
            "U+00D7",  # multiplication sign
            "U+00F7",  # division sign
            "U+2013-2014",  # dashes
            "U+2018-2019",  # quotes
            "U+201C-201D",
            "U+2026",  # …
            "U+20AC",  # €
        ),
    ),
}


def main() -> int:
    if shutil.which("npm") is None:
        print("make fonts needs npm (Node.js); `make demo` does not.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="sala-fonts-") as tmp:
        package_dir = fetch_package(Path(tmp), PACKAGE, VERSION, INTEGRITY)
        FONTS_DIR.mkdir(parents=True, exist_ok=True)
        for old in FONTS_DIR.glob("*.woff2"):
            old.unlink()
        written = []
        for weight in WEIGHTS:
            for name, (family, ranges) in SUBSETS.items():
                source = package_dir / "files" / f"noto-sans-khmer-{name}-{weight}-normal.woff2"
                target = FONTS_DIR / f"noto-sans-khmer-{name}-{weight}.woff2"
                subset_font(source, target, ranges)
                written.append((target, family, weight))
        shutil.copyfile(package_dir / "LICENSE", FONTS_DIR / "OFL.txt")
    write_css(written)
    total = 0
    for target, _family, _weight in written:
        size = target.stat().st_size
        total += size
        print(f"{target.relative_to(ROOT)}  {size:,} bytes")
    print(f"total {total:,} bytes; @font-face rules written to {CSS_FILE.relative_to(ROOT)}")
    return 0


def subset_font(source: Path, target: Path, ranges: tuple[str, ...]) -> None:
    unicodes = ",".join(r.removeprefix("U+") for r in ranges)
    subset.main(
        [
            str(source),
            f"--unicodes={unicodes}",
            # Keep every OpenType feature: Khmer shaping needs the subscript and
            # vowel-positioning lookups (pref, blwf, abvs, blws, psts, mark, mkmk...).
            "--layout-features=*",
            "--flavor=woff2",
            f"--output-file={target}",
        ]
    )


def unicode_range(font_file: Path) -> str:
    """Return the CSS unicode-range of the characters the font really has."""
    codepoints = sorted(TTFont(font_file).getBestCmap())
    spans: list[list[int]] = []
    for codepoint in codepoints:
        if spans and codepoint == spans[-1][1] + 1:
            spans[-1][1] = codepoint
        else:
            spans.append([codepoint, codepoint])
    return ", ".join(
        f"U+{first:04X}" if first == last else f"U+{first:04X}-{last:04X}" for first, last in spans
    )


def write_css(written: list[tuple[Path, str, int]]) -> None:
    rules = []
    for target, family, weight in written:
        rules.append(
            "@font-face {\n"
            f'  font-family: "{family}";\n'
            "  font-style: normal;\n"
            f"  font-weight: {weight};\n"
            "  font-display: swap;\n"
            f'  src: url("../fonts/{target.name}") format("woff2");\n'
            f"  unicode-range: {unicode_range(target)};\n"
            "}"
        )
    block = CSS_BEGIN + "\n" + "\n".join(rules) + "\n" + CSS_END
    css = CSS_FILE.read_text() if CSS_FILE.exists() else ""
    pattern = re.compile(re.escape(CSS_BEGIN) + ".*?" + re.escape(CSS_END), re.DOTALL)
    if pattern.search(css):
        css = pattern.sub(lambda _match: block, css)
    else:
        css = block + "\n\n" + css
    CSS_FILE.write_text(css)


if __name__ == "__main__":
    sys.exit(main())
