"""Approving drafts: an institution's editors publish the announcements that came by mail,
and are told when one arrives."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet

from accounts.models import OfficeMembership, Role, User
from accounts.officers import offices_of
from aggregation.models import Item
from audit.log import log_action
from notifications.api import notify


def drafts_for(user: User) -> QuerySet[Item]:
    """Return the drafts `user` may publish: all for administrators, else those of the
    institutions the user is an editor for."""
    drafts = Item.objects.filter(status=Item.Status.DRAFT).select_related("source", "institution")
    if user.is_active and user.is_superuser:
        return drafts
    institutions = offices_of(user, [Role.EDITOR]).values("institution_id")
    return drafts.filter(institution_id__in=institutions)


@transaction.atomic
def do_publish_items(items: QuerySet[Item], user: User) -> int:
    """Publish the drafts among `items`, recording who approved them (on each item and in
    the audit log); return how many."""
    drafts = list(items.filter(status=Item.Status.DRAFT).select_for_update())
    published = Item.objects.filter(
        pk__in=[item.pk for item in drafts], status=Item.Status.DRAFT
    ).update(status=Item.Status.PUBLISHED, approved_by=user)
    for item in drafts:
        log_action(
            user,
            "aggregation.item.published",
            item,
            {"institution": item.institution_id, "source": item.source_id},
        )
    return published


def check_publish_item(user: User, item: Item) -> None:
    """Publish `item` if `user` may; raise PermissionDenied otherwise."""
    if not user.has_perm("aggregation.publish_item", item):
        raise PermissionDenied
    do_publish_items(Item.objects.filter(pk=item.pk), user)


def notify_editors_of_draft(item: Item) -> int:
    """Tell the editors of the item's institution that an announcement waits; return how
    many were told."""
    if item.institution_id is None:
        return 0
    editors = User.objects.filter(
        pk__in=OfficeMembership.objects.active()
        .filter(role__code=Role.EDITOR, office__institution_id=item.institution_id)
        .values("user_id")
    )
    context = {
        "title": item.title,
        "source": {"km": item.source.name_km, "en": item.source.name_en},
        "url": "/news/drafts/",
    }
    for editor in editors:
        notify(editor, "aggregation.draft_waiting", context, key=f"draft:{item.pk}:{editor.pk}")
    return len(editors)
