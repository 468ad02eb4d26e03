from __future__ import annotations

import json
from datetime import timedelta

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import include, path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from oauth2_provider.models import Grant, get_application_model

from standins.camdigikey import claims, views


@csrf_exempt
def expire_codes(request: HttpRequest) -> HttpResponse:
    """Make every authorization code issued so far expired."""
    count = Grant.objects.update(expires=timezone.now() - timedelta(seconds=1))
    return JsonResponse({"expired": count})


@csrf_exempt
def set_issuer(request: HttpRequest) -> HttpResponse:
    """Name another issuer in the ID tokens from now on ("" = the real one)."""
    claims.forced["iss"] = json.loads(request.body)["issuer"]
    return JsonResponse(claims.forced)


@csrf_exempt
def set_nonce(request: HttpRequest) -> HttpResponse:
    """Name another nonce in the ID tokens from now on ("" = the one the portal sent)."""
    claims.forced["nonce"] = json.loads(request.body)["nonce"]
    return JsonResponse(claims.forced)


@csrf_exempt
def add_redirect_uri(request: HttpRequest) -> HttpResponse:
    application = get_application_model().objects.get()
    uris = set(application.redirect_uris.split())
    uris.add(json.loads(request.body)["redirect_uri"])
    application.redirect_uris = " ".join(sorted(uris))
    application.save(update_fields=["redirect_uris"])
    return JsonResponse({"redirect_uris": sorted(uris)})


urlpatterns = [
    path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
    path("login/", views.SignInView.as_view(), name="login"),
    path("", views.home),
    path("fonts/<str:name>", views.font),
    path("test/expire-codes/", expire_codes),
    path("test/issuer/", set_issuer),
    path("test/nonce/", set_nonce),
    path("test/redirect-uri/", add_redirect_uri),
]
