"""WSGI entry point: `gunicorn sala.wsgi`."""

from __future__ import annotations

from sala.environment import select_settings

select_settings()

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
