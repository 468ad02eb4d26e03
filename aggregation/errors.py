"""Why polling a source failed, in plain Khmer and English for the administrator."""

from __future__ import annotations


class PollError(Exception):
    """A failure of one source; `km` and `en` say what happened in plain words."""

    def __init__(self, en: str, km: str) -> None:
        super().__init__(en)
        self.en = en
        self.km = km
