from __future__ import annotations

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def attachments_root(settings, tmp_path):
    """Every test keeps its uploads in its own directory."""
    root = tmp_path / "attachments"
    settings.STORAGES = {
        **settings.STORAGES,
        "attachments": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": root},
        },
    }
    return root


@pytest.fixture(autouse=True)
def english():
    """Messages and URLs in English unless a test says otherwise (/en/ prefixes)."""
    with translation.override("en"):
        yield
