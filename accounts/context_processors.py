from __future__ import annotations

from django.http import HttpRequest

from accounts.acting import acting_organisation


def acting_for(request: HttpRequest) -> dict:
    """The organisation the person acts for, shown in the header (`acting_organisation`)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"acting_organisation": acting_organisation(request)}
