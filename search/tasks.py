"""Index updates, enqueued after the transaction that changed an object commits."""

from __future__ import annotations

from django_tasks import task

from search.indexing import do_remove_object, do_update_object


@task()
def update_object(label: str, pk: int | str) -> int:
    """Index an object again; return how many documents it has now."""
    return do_update_object(label, pk)


@task()
def remove_object(label: str, pk: int | str) -> None:
    do_remove_object(label, pk)
