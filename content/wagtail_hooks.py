from __future__ import annotations

from wagtail import hooks

from content.choosers import facility_chooser_viewset


@hooks.register("register_admin_viewset")
def register_facility_chooser():
    return facility_chooser_viewset
