"""The danger-sign screen: which signs to ask, the advice an answer gets, and publishing
a new version of the table.

The rule is the WHO IMCI one: any danger sign present means "go to care now"; the person
is not offered the question queue. Only a clear screen (no sign present) lets a person go
on to ask a health worker (`health.questions`).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.log import log_action
from health.models import DangerSign, DangerSignTable, Group, Screening

# How long a clear screen lets the person go on to ask a question.
CLEAR_SCREEN_MINUTES = 60


def published_table() -> DangerSignTable | None:
    return DangerSignTable.objects.published().first()


def signs_for(table: DangerSignTable, group: str) -> QuerySet[DangerSign]:
    return table.signs.filter(group=group).order_by("position", "pk")


def advice_for(signs_present: Iterable[str]) -> str:
    """Return the screening outcome: urgent when any danger sign is present."""
    return Screening.Outcome.URGENT if list(signs_present) else Screening.Outcome.NO_DANGER_SIGN


@transaction.atomic
def do_record_screening(
    actor, table: DangerSignTable, group: str, signs_present: Iterable[str], channel: str
) -> Screening:
    """Record an answered screen (the codes of the signs answered "yes"); return it."""
    if group not in Group.values:
        raise ValidationError(_("Choose who is ill."))
    known = set(signs_for(table, group).values_list("code", flat=True))
    present = sorted(set(signs_present))
    if not set(present) <= known:
        raise ValidationError(_("These danger signs are not in the table."))
    screening = Screening.objects.create(
        table=table,
        group=group,
        signs_present=present,
        outcome=advice_for(present),
        channel=channel,
    )
    # No person: a screening is anonymous even when the person is signed in.
    log_action(None, "health.screening_recorded", screening, {"version": table.version})
    return screening


def may_publish(user) -> bool:
    return user.has_perm("health.publish_dangersigntable")


@transaction.atomic
def do_publish_table(actor, table: DangerSignTable) -> DangerSignTable:
    """Publish a draft table and retire the one published before it."""
    if not may_publish(actor):
        raise PermissionDenied
    table = DangerSignTable.objects.select_for_update().get(pk=table.pk)
    if table.status != DangerSignTable.Status.DRAFT:
        raise ValidationError(_("Only a draft can be published."))
    if set(table.signs.values_list("group", flat=True)) != set(Group.values):
        raise ValidationError(_("A table needs danger signs for every group before publishing."))
    previous = list(DangerSignTable.objects.select_for_update().published())
    for old in previous:
        old.status = DangerSignTable.Status.RETIRED
        old.save(update_fields=["status"])
        log_action(actor, "health.danger_signs_retired", old, {"version": old.version})
    table.status = DangerSignTable.Status.PUBLISHED
    table.published_at, table.published_by = timezone.now(), actor
    table.save(update_fields=["status", "published_at", "published_by"])
    log_action(actor, "health.danger_signs_published", table, {"version": table.version})
    return table


@transaction.atomic
def do_copy_table(actor, table: DangerSignTable) -> DangerSignTable:
    """Return a new draft holding a copy of the table's signs, to edit and publish."""
    if not may_publish(actor):
        raise PermissionDenied
    last = DangerSignTable.objects.select_for_update().order_by("-version").first()
    draft = DangerSignTable.objects.create(
        version=(last.version if last else 0) + 1, source=table.source
    )
    DangerSign.objects.bulk_create(
        DangerSign(
            table=draft,
            group=sign.group,
            code=sign.code,
            question_km=sign.question_km,
            question_en=sign.question_en,
            position=sign.position,
        )
        for sign in table.signs.all()
    )
    log_action(actor, "health.danger_signs_copied", draft, {"from_version": table.version})
    return draft
