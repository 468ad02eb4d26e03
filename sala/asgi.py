"""ASGI entry point, for servers such as uvicorn."""

from __future__ import annotations

from sala.environment import select_settings

select_settings()

from django.core.asgi import get_asgi_application  # noqa: E402

application = get_asgi_application()
