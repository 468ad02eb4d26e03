"""Not language-prefixed: the JSON answers for machines. (`/verify/<code>` from a QR
code has no prefix either; LocaleMiddleware sends it on to /km/ or /en/verify/<code>/.)"""

from __future__ import annotations

from django.urls import path

from documents import views

urlpatterns = [
    path("verify/keys.json", views.public_keys, name="documents_public_keys"),
    path("verify/<str:code>.json", views.verify_json, name="documents_verify_json"),
]
