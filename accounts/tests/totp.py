"""The current TOTP code for a secret, computed with allauth's own helper."""

from __future__ import annotations

import time

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value


def totp_code(secret: str, *, offset: int = 0) -> str:
    """Return the code an authenticator app shows now (offset: periods later or earlier)."""
    counter = int(time.time()) // app_settings.TOTP_PERIOD + offset
    return format_hotp_value(hotp_value(secret, counter))
