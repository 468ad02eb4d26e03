#!/usr/bin/env python
"""Django's command-line utility for Sala."""

from __future__ import annotations

import sys

from sala.environment import select_settings


def main() -> None:
    select_settings()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
