"""Background polling. `poll_due_sources` is enqueued by `manage.py poll_sources --every`
(or cron); `poll_source` by the admin's "Poll now"."""

from __future__ import annotations

from django_tasks import task

from aggregation.errors import PollError
from aggregation.models import Source
from aggregation.polling import poll_source as poll_one
from aggregation.polling import poll_sources


@task()
def poll_due_sources() -> dict[str, int]:
    """Poll every enabled source whose time has come; return the counts."""
    cycle = poll_sources(Source.objects.due())
    return {"sources": cycle.sources, "failed": cycle.failed, **cycle.counts}


@task()
def poll_source(source_id: int) -> bool:
    """Poll one source now, whatever its schedule; return whether it worked."""
    source = Source.objects.filter(pk=source_id).first()
    if source is None:
        return False
    return not isinstance(poll_one(source), PollError)
