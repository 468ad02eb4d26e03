"""A limit on verification look-ups per address: codes are unguessable (75 random bits),
and this keeps anyone from even trying at speed."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from core.addresses import client_address
from core.ratelimit import hit


def verification_allowed(request: HttpRequest) -> bool:
    """Count one look-up from the request's address; False past the limit per minute."""
    limit = settings.SALA_DOCUMENT_VERIFICATIONS_PER_MINUTE
    return hit("documents.verify", str(client_address(request)), f"{limit}/m")
