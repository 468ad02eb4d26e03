"""What the payments app plugs into the apps below it (called from `PaymentsConfig.ready`):
a case opened for a service with a fee asks for it (`cases.opening.register_opened_handler`)."""

from __future__ import annotations

from cases.opening import register_opened_handler
from payments.requesting import request_fee_when_opened


def register_hooks() -> None:
    register_opened_handler(request_fee_when_opened)
