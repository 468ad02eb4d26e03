"""Acting "on behalf of" an organisation.

A member of an organisation chooses to act for it (the choice is kept in the session and
shown in the header on every page). Other apps record it on whatever the person does
while acting, with a field of their own:

    on_behalf_of = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )

    application.on_behalf_of = acting_organisation(request)

`acting_organisation(request)` checks the membership again on every call, so someone
removed from an organisation stops acting for it at once.
"""

from __future__ import annotations

import logging

from django.http import HttpRequest

from accounts.models import Organisation

logger = logging.getLogger(__name__)

SESSION_KEY = "sala_acting_organisation"
_CACHE_ATTRIBUTE = "_sala_acting_organisation"


def acting_organisation(request: HttpRequest) -> Organisation | None:
    """Return the organisation the signed-in person is acting for now, or None."""
    if hasattr(request, _CACHE_ATTRIBUTE):
        return getattr(request, _CACHE_ATTRIBUTE)
    organisation = None
    organisation_id = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    user = getattr(request, "user", None)
    if organisation_id and user is not None and user.is_authenticated:
        organisation = Organisation.objects.filter(
            pk=organisation_id, memberships__user=user
        ).first()
        if organisation is None:
            del request.session[SESSION_KEY]
    setattr(request, _CACHE_ATTRIBUTE, organisation)
    return organisation


def do_act_for(request: HttpRequest, organisation: Organisation) -> None:
    """Act for the organisation from now on (the caller checked act_for_organisation)."""
    request.session[SESSION_KEY] = organisation.pk
    setattr(request, _CACHE_ATTRIBUTE, organisation)
    logger.info(
        "acting for organisation",
        extra={"user_id": request.user.pk, "organisation_id": organisation.pk},
    )


def do_stop_acting(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)
    setattr(request, _CACHE_ATTRIBUTE, None)
