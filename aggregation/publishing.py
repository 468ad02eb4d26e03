"""Approving drafts: an editor publishes items that came by mail."""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet

from aggregation.models import Item


@transaction.atomic
def do_publish_items(items: QuerySet[Item], user) -> int:
    """Publish the drafts among `items`, recording who approved them; return how many."""
    return items.filter(status=Item.Status.DRAFT).update(
        status=Item.Status.PUBLISHED, approved_by=user
    )
