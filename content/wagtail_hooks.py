"""Admin hooks: the office chooser, and the rule that editors touch only their own
institution's pages (content.editorial)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from wagtail import hooks

from content.choosers import facility_chooser_viewset
from content.editorial import can_add_below, can_edit_page


@hooks.register("register_admin_viewset")
def register_facility_chooser():
    return facility_chooser_viewset


def _refuse_other_institutions(request, page, *args, **kwargs) -> None:
    if not can_edit_page(request.user, page):
        raise PermissionDenied


for _hook in (
    "before_edit_page",
    "before_delete_page",
    "before_unpublish_page",
    "before_copy_page",
    "before_move_page",
    "before_convert_alias_page",
):
    hooks.register(_hook, _refuse_other_institutions)


@hooks.register("before_create_page")
def refuse_adding_outside_ones_institution(request, parent_page, page_class) -> None:
    if not can_add_below(request.user, parent_page):
        raise PermissionDenied
