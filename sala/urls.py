from __future__ import annotations

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views

# Not language-prefixed: machine endpoints and the back-office tools.
urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    path("cms/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("notifications/", include("notifications.machine_urls")),
    path("", include("content.machine_urls")),
    path("", include("documents.machine_urls")),
    path("", include("payments.machine_urls")),
    path("open311/", include("reports.open311_urls")),
    path("", include("learning.machine_urls")),
]

# Every page a person reads lives under /km/ or /en/.
urlpatterns += i18n_patterns(
    path("", include("content.urls")),  # first: the Wagtail home page wins over core's
    path("", include("core.urls")),
    path("account/", include("accounts.urls")),
    path("account/", include("accounts.allauth_urls")),
    path("", include("geo.urls")),
    path("notifications/", include("notifications.urls")),
    path("services/", include("services.urls")),
    path("news/", include("aggregation.urls")),
    path("", include("documents.urls")),
    path("search/", include("search.urls")),
    path("", include("cases.urls")),
    path("health/", include("health.urls")),
    path("pay/", include("payments.urls")),
    path("forums/", include("forums.urls")),
    path("reports/", include("reports.urls")),
    path("learning/", include("learning.urls")),
    path("markets/", include("markets.urls")),
    # Last, so that every app's own addresses win: the Wagtail page tree from the language root.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
