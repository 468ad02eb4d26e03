"""Refuse to run production taking fees without the account they are paid into and the
credentials to learn what was paid (`manage.py check --deploy`, run before every start)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, register


@register()
def check_payment_settings(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    if settings.SALA_ENV != "production" or not settings.SALA_PAYMENTS_ENABLED:
        return []
    errors = []
    if not settings.SALA_KHQR_ACCOUNT_ID:
        errors.append(
            Error(
                "SALA_KHQR_ACCOUNT_ID is not set: payment QR codes would name no account.",
                hint="Set it to the ministry's Bakong account id (e.g. fees@nbcq), or "
                "SALA_PAYMENTS_ENABLED=false for an instance that takes no fees online.",
                id="payments.E001",
            )
        )
    if settings.SALA_PAYMENT_PROVIDER == "bakong":
        missing = [
            name
            for name in ("SALA_BAKONG_API_URL", "SALA_BAKONG_TOKEN", "SALA_BAKONG_EMAIL")
            if not getattr(settings, name)
        ]
        if missing:
            errors.append(
                Error(
                    f"{', '.join(missing)} not set: the portal cannot ask Bakong what was "
                    "paid, and no fee would ever be marked paid.",
                    hint="Register at api-bakong.nbc.gov.kh and set the token (or "
                    "SALA_BAKONG_TOKEN_FILE) and the email it is registered to.",
                    id="payments.E002",
                )
            )
    return errors
