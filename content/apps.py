from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "content"
    verbose_name = _("Content")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, task_approved, task_rejected

        from accounts.models import OfficeMembership
        from content.alerts import forget_alerts, on_page_published
        from content.cache import forget_cached_pages
        from content.editorial import log_review, on_membership_changed

        page_published.connect(on_page_published, dispatch_uid="content.alerts.published")
        page_unpublished.connect(forget_alerts, dispatch_uid="content.alerts.unpublished")
        for signal in (page_published, page_unpublished):
            signal.connect(
                forget_cached_pages, dispatch_uid=f"content.cache.{signal is page_published}"
            )
        task_approved.connect(log_review, dispatch_uid="content.editorial.approved")
        task_rejected.connect(log_review, dispatch_uid="content.editorial.rejected")
        for signal in (post_save, post_delete):
            signal.connect(
                on_membership_changed,
                sender=OfficeMembership,
                dispatch_uid=f"content.editorial.{signal is post_save}",
            )
