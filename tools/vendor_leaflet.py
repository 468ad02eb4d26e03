"""Vendor Leaflet into geo/static/geo/vendor/leaflet/ (`make vendor`); development only.

Fetches the npm package `leaflet` at a pinned version and integrity with `npm pack` into
a temporary directory and copies the built files the map needs (leaflet.js, leaflet.css,
the marker and layer images, and the licence). The output is committed, so `make demo`
needs only Python, and no page ever loads Leaflet from another origin.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from npm_package import fetch_package  # tools/, beside this script

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "geo" / "static" / "geo" / "vendor" / "leaflet"

PACKAGE = "leaflet"
VERSION = "1.9.4"
# The tarball's npm integrity (`npm view leaflet@1.9.4 dist.integrity`).
INTEGRITY = (
    "sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwC"
    "Xh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA=="
)
FILES = ("dist/leaflet.js", "dist/leaflet.css", "LICENSE")
IMAGES = "dist/images"


def main() -> int:
    if shutil.which("npm") is None:
        print("make vendor needs npm (Node.js); `make demo` does not.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="sala-leaflet-") as tmp:
        package_dir = fetch_package(Path(tmp), PACKAGE, VERSION, INTEGRITY)
        shutil.rmtree(TARGET, ignore_errors=True)
        (TARGET / "images").mkdir(parents=True)
        for name in FILES:
            shutil.copyfile(package_dir / name, TARGET / Path(name).name)
        strip_source_map(TARGET / "leaflet.js")
        for image in sorted((package_dir / IMAGES).glob("*.png")):
            shutil.copyfile(image, TARGET / "images" / image.name)
    (TARGET / "VERSION").write_text(f"{PACKAGE} {VERSION}\n{INTEGRITY}\n")
    for path in sorted(TARGET.rglob("*")):
        if path.is_file():
            print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")
    return 0


def strip_source_map(script: Path) -> None:
    """Drop the `sourceMappingURL` comment: the map is not shipped, and the manifest storage
    of collectstatic refuses a reference to a file that is not there."""
    lines = script.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith("//# sourceMappingURL=")]
    script.write_text("".join(kept), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
