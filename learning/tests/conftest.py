"""The learning tests' world: an institution, a published public course of two modules and
three lessons (the last with a quiz of every kind of question), a learner, and storages of
their own for lesson media and issued documents."""

from __future__ import annotations

import pytest
from django.core.files.storage import storages


@pytest.fixture(autouse=True)
def learning_storages(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
        "documents": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    for alias in ("default", "documents"):
        storages._storages.pop(alias, None)
    yield
    for alias in ("default", "documents"):
        storages._storages.pop(alias, None)
