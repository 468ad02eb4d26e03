"""The request being served, for log lines and audit entries: set by RequestIdMiddleware,
read by RequestIdFilter and `audit.log`."""

from __future__ import annotations

import logging
from contextvars import ContextVar

current_request_id: ContextVar[str] = ContextVar("current_request_id", default="-")
current_client_address: ContextVar[str | None] = ContextVar("current_client_address", default=None)


class RequestIdFilter(logging.Filter):
    """Add the id of the request being served (or "-") to every log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True
