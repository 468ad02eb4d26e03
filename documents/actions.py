"""Links the verification page offers to the officers who act on a kind of document:
scanning a health-centre ticket's QR code takes the centre's staff to their check-in.

An app registers, once at start-up, a function of (user, document) returning the
(label, address) pairs that user may follow for a document of one template; documents
never imports the app.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from documents.models import IssuedDocument

Provider = Callable[[Any, IssuedDocument], list[tuple[str, str]]]

_providers: dict[str, Provider] = {}


def register_verification_actions(template_key: str, provider: Provider) -> None:
    _providers[template_key] = provider


def verification_actions(user: Any, document: IssuedDocument) -> list[tuple[str, str]]:
    """The links for a signed-in user on this document's verification page."""
    provider = _providers.get(document.template_key)
    if provider is None or not getattr(user, "is_authenticated", False):
        return []
    return provider(user, document)
