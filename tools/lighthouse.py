"""Lighthouse's SEO and accessibility scores of a running portal (`make lighthouse`).

Development only, needs npm and Chromium (/usr/bin/chromium, or CHROME_PATH). Installs
the pinned Lighthouse into var/lighthouse/ once (npm registry), then audits the main public
pages (home, the service list and a service, the search page, a province and a commune
page, sign-in, the health start, the news stream and a news article), in Khmer and
English, against BASE (default http://127.0.0.1:8000, e.g. a `make demo`). Lighthouse
itself fetches nothing else. Prints one line per page as it goes, the audits that failed,
and a summary; exits 1 when a page scores under --min (default 100) in SEO.

    .venv/bin/python tools/lighthouse.py --base http://127.0.0.1:8104
    .venv/bin/python tools/lighthouse.py --base http://127.0.0.1:8104 /km/verify/
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# 12.x runs on the Node 20 that Debian ships (13 needs Node 22).
VERSION = "12.8.2"
INSTALL_DIR = ROOT / "var" / "lighthouse"
CLI = INSTALL_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("seo", "accessibility")
DEFAULT_PAGES = (
    "/{lang}/",
    "/{lang}/services/",
    "/{lang}/services/birth-registration/",
    "/{lang}/search/",
    "/{lang}/place/12/",
    "/{lang}/place/120201/",
    "/{lang}/account/sign-in/",
    "/{lang}/health/",
    "/{lang}/news/",
)


def install() -> None:
    if CLI.exists():
        return
    print(f"Installing lighthouse@{VERSION} into {INSTALL_DIR} ...", flush=True)
    INSTALL_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(  # noqa: S603 - fixed arguments, npm found on PATH
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(INSTALL_DIR),  # noqa: S607
         f"lighthouse@{VERSION}"],
        check=True,
    )  # fmt: skip


def first_article(base: str, language: str) -> str | None:
    """Return the path of the newest portal news article, found on the news stream."""
    with urllib.request.urlopen(f"{base}/{language}/news/", timeout=30) as response:  # noqa: S310
        html = response.read().decode()
    match = re.search(rf'href="(/{language}/news/[a-z0-9-]+/)"', html)
    return match.group(1) if match else None


def audit(base: str, path: str) -> dict:
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(  # noqa: S603 - our own arguments, node found on PATH
            ["node", str(CLI), f"{base}{path}", "--quiet", "--output=json",  # noqa: S607
             f"--output-path={report}", f"--only-categories={','.join(CATEGORIES)}",
             "--form-factor=mobile", "--chrome-flags=--headless --no-sandbox"],
            env={**os.environ, "CHROME_PATH": chrome}, check=True,
        )  # fmt: skip
        return json.loads(report.read_text())


def failed_audits(report: dict, category: str) -> list[str]:
    refs = report["categories"][category]["auditRefs"]
    audits = report["audits"]
    return [
        f"{ref['id']}: {audits[ref['id']]['title']}"
        for ref in refs
        if ref["weight"] and audits[ref["id"]]["score"] is not None
        and audits[ref["id"]]["score"] < 1
    ]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="paths to audit instead of the defaults")
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--min", type=int, default=100, help="lowest SEO score accepted")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    install()
    paths = list(args.paths)
    if not paths:
        for language in ("km", "en"):
            paths += [page.format(lang=language) for page in DEFAULT_PAGES]
            article = first_article(base, language)
            if article:
                paths.append(article)
    scores: dict[str, dict[str, int]] = {}
    for number, path in enumerate(paths, 1):
        report = audit(base, path)
        scores[path] = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
        line = "  ".join(f"{c} {scores[path][c]:>3}" for c in CATEGORIES)
        print(f"[{number}/{len(paths)}] {line}  {path}", flush=True)
        for category in CATEGORIES:
            for failure in failed_audits(report, category):
                print(f"          {category} failed: {failure}", flush=True)
    below = [path for path, score in scores.items() if score["seo"] < args.min]
    lowest = min(score["seo"] for score in scores.values())
    print(f"{len(scores)} pages audited; lowest SEO score {lowest}; {len(below)} under {args.min}.")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
