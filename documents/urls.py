from __future__ import annotations

from django.urls import path, re_path

from documents import views

app_name = "documents"

urlpatterns = [
    path("verify/", views.verify, name="verify"),
    # No dots: /verify/<code>.json is the machine answer, and a 404 from it must not be
    # sent on by LocaleMiddleware to a /km/ page.
    re_path(r"^verify/(?P<code>[^/.]+)/$", views.verify_code, name="verify_code"),
    path("issued-documents/<str:code>/pdf/", views.download, name="download"),
]
