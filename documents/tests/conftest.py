from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.files.storage import storages

from documents.signing import private_key_pem
from documents.tests.factories import TEST_KEY


@pytest.fixture(autouse=True)
def documents_settings(settings):
    """A fixed signing key and PDFs in memory, so tests write nothing under var/; the
    verification rate limit counted afresh."""
    cache.clear()
    settings.SALA_DOCUMENT_SIGNING_KEY = private_key_pem(TEST_KEY)
    settings.SALA_DOCUMENT_RETIRED_PUBLIC_KEYS = []
    settings.SALA_SITE_URL = "https://sala.example.gov.kh"
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    yield storages["documents"]
