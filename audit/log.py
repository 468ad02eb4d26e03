"""Writing to the audit log (pretix's `log_action`).

A `do_*` action calls `log_action` inside its own `transaction.atomic`, so the entry and
the change are committed together or not at all. `log_access` records an officer opening
personal data (or being refused), which changes nothing and needs no transaction. The
client's address and the request id come from the request being served (set by
`core.middleware.RequestIdMiddleware`), so actions need not carry the request.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from audit.models import AuditEntry
from core.logging import current_client_address, current_request_id


class AuditOutsideTransaction(RuntimeError):
    """log_action was called outside the change's transaction."""


def log_action(
    actor: Any,
    action: str,
    obj: models.Model,
    data: dict[str, Any] | None = None,
    *,
    office: Any = None,
    person: Any = None,
) -> AuditEntry:
    """Record that `actor` (a user, or None for the portal itself) did `action` to `obj`.

    `office` (a `geo.Facility` or its pk) is the office whose officers may read the entry;
    `person` (a user) is the person concerned, who may read it too.
    """
    if not transaction.get_connection().in_atomic_block:
        raise AuditOutsideTransaction(
            f"log_action({action!r}) must run inside the transaction that makes the change."
        )
    return _write(actor, action, obj, data, office=office, person=person, allowed=True)


def log_access(
    actor: Any,
    action: str,
    obj: models.Model,
    *,
    allowed: bool = True,
    office: Any = None,
    person: Any = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record that `actor` opened `obj` (`allowed=False`: was refused)."""
    return _write(actor, action, obj, data, office=office, person=person, allowed=allowed)


def _write(actor, action, obj, data, *, office, person, allowed) -> AuditEntry:
    if actor is not None and not actor.is_authenticated:
        actor = None
    request_id = current_request_id.get()
    return AuditEntry.objects.create(
        actor=actor,
        actor_address=current_client_address.get(),
        request_id="" if request_id == "-" else request_id,
        action=action,
        allowed=allowed,
        object_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        office_id=getattr(office, "pk", office),
        person=person,
        data=data or {},
    )
