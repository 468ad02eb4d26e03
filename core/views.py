from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.health import readiness_problems


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


def design(request: HttpRequest) -> HttpResponse:
    """Every design-system component, for developers (DEBUG) and staff."""
    if not (settings.SALA_DESIGN_PAGE_PUBLIC or request.user.is_staff):
        raise PermissionDenied
    return render(request, "core/design.html", {"now": timezone.now()})


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness: the process serves requests. Touches nothing else."""
    return HttpResponse("ok\n", content_type="text/plain")


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: the database, the cache and at least one task worker are alive."""
    problems = readiness_problems()
    return JsonResponse(
        {"status": "fail" if problems else "ok", "problems": problems},
        status=503 if problems else 200,
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def too_many_requests(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    response = render(request, "429.html", status=429)
    response["Retry-After"] = "60"
    return response


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)
