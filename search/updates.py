"""Keeping the index up to date: saving or deleting a registered model, or publishing a
page (content calls `schedule_update`), enqueues a task once the transaction commits.

Apart from `search.indexing` so that the dependencies go one way: updates → tasks →
indexing."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.db.models.signals import post_delete, post_save

from search.registry import Index, on_register
from search.tasks import remove_object, update_object


def schedule_update(obj: models.Model) -> None:
    """Re-index an object in a task once the current transaction commits."""
    label, pk = obj._meta.label_lower, obj.pk
    transaction.on_commit(lambda: update_object.enqueue(label, pk))


def schedule_removal(obj: models.Model) -> None:
    label, pk = obj._meta.label_lower, obj.pk
    transaction.on_commit(lambda: remove_object.enqueue(label, pk))


def _saved(sender: type[models.Model], instance: models.Model, raw: bool = False, **_: Any) -> None:
    if not raw:
        schedule_update(instance)


def _deleted(sender: type[models.Model], instance: models.Model, **_: Any) -> None:
    schedule_removal(instance)


def _watch(index: Index) -> None:
    uid = f"search:{index.label}"
    post_save.connect(_saved, sender=index.model, dispatch_uid=uid, weak=False)
    post_delete.connect(_deleted, sender=index.model, dispatch_uid=uid, weak=False)


on_register(_watch)
