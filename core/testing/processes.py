"""Running the project's own Python in a child process, for tests of start-up and settings
that must not share the test process's Django."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_project_python(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run `python <args>` in the project's root with exactly `env`; never raise on a
    non-zero exit (the test reads `returncode`, `stdout` and `stderr`)."""
    return subprocess.run(  # noqa: S603 -- our own interpreter and arguments
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
