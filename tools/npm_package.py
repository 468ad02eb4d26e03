"""Fetch a pinned npm package with `npm pack` and check its integrity (used by
build_fonts.py and vendor_leaflet.py; development only)."""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import tarfile
from pathlib import Path


def fetch_package(tmp: Path, package: str, version: str, integrity: str) -> Path:
    """Return the unpacked package directory, after checking the tarball's integrity."""
    result = subprocess.run(  # noqa: S603 - fixed arguments, npm found on PATH
        ["npm", "pack", "--json", f"{package}@{version}"],  # noqa: S607
        cwd=tmp,
        check=True,
        capture_output=True,
        text=True,
    )
    filename = json.loads(result.stdout)[0]["filename"]
    tarball = tmp / filename
    digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if f"sha512-{digest}" != integrity:
        raise SystemExit(f"{filename}: integrity sha512-{digest} is not the pinned {integrity}")
    with tarfile.open(tarball) as archive:
        archive.extractall(tmp, filter="data")
    return tmp / "package"
