"""Pick the settings module from SALA_ENV (production, demo or test; demo by default)."""

from __future__ import annotations

import os
import sys

SALA_ENVS = ("production", "demo", "test")


def select_settings() -> None:
    """Point DJANGO_SETTINGS_MODULE at sala.settings.<SALA_ENV> unless it is already set."""
    sala_env = os.environ.setdefault("SALA_ENV", "demo")
    if sala_env not in SALA_ENVS:
        sys.exit(f"SALA_ENV must be one of {', '.join(SALA_ENVS)}; it is {sala_env!r}.")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", f"sala.settings.{sala_env}")
