"""Who may edit and approve which pages: editors work only on their institution's pages,
and only that institution's approvers approve them.

An institution's editors and approvers are officers (accounts): a person with the
"editor" role at an office of the institution (geo.Institution, linked from the
InstitutionPage) edits its pages; "approver" or "head of office" there approves them. A
page belongs to the institution of the InstitutionPage above it, and a news item to the
institution it names. Pages of no institution (the home page, topics) are the portal's
own: only administrators edit them.

Wagtail's own permissions open the admin: every officer with one of these roles is put in
the group "Content editors" or "Content approvers" (`sync_editorial_groups`), which may
add and change pages (approvers also publish) anywhere in both language trees. The hooks in
wagtail_hooks.py then refuse another institution's pages, and the review task
(InstitutionApprovalTask) lets only the page's own approvers approve it.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowTask

from accounts.models import OfficeMembership, User
from accounts.officers import offices_of
from audit.log import log_action
from content.editors import APPROVER_ROLES, EDITOR_ROLES, editable_institutions
from content.models import (
    InstitutionApprovalTask,
    NewsIndexPage,
    can_approve_page,
    editable_institution_pages,
    institution_of,
)

__all__ = ["can_add_below", "can_approve_page", "can_edit_page", "editable_institution_pages"]

EDITORS_GROUP = "Content editors"
APPROVERS_GROUP = "Content approvers"
WORKFLOW_NAME = "Institution review"
GROUP_PAGE_PERMISSIONS = {
    EDITORS_GROUP: ("add_page", "change_page"),
    APPROVERS_GROUP: ("add_page", "change_page", "publish_page"),
}


def can_edit_page(user: User, page: Page) -> bool:
    """Return whether the user may edit (or delete, move, unpublish) the page."""
    if user.is_superuser:
        return True
    institution = institution_of(page)
    return institution is not None and institution in editable_institutions(user)


def can_add_below(user: User, parent: Page) -> bool:
    """Return whether the user may add a page under `parent`: below their institution's
    page, or a news item (they name their institution in it) in the news index."""
    if user.is_superuser or isinstance(parent.specific, NewsIndexPage):
        return user.is_superuser or bool(editable_institutions(user))
    return can_edit_page(user, parent)


def sync_editorial_groups(user: User) -> None:
    """Put the user in the editors' and approvers' groups exactly when their office roles
    make them an editor or approver of some institution. The groups are created by
    content's migrations; if one is missing, this fails loudly rather than leave an
    editor without access."""
    for name, roles in ((EDITORS_GROUP, EDITOR_ROLES), (APPROVERS_GROUP, APPROVER_ROLES)):
        group = Group.objects.filter(name=name).first()
        if group is None:
            raise ImproperlyConfigured(
                f"The group {name!r} is missing, so {user} cannot be given their editing "
                "rights. It is created by content's migrations: run manage.py migrate, "
                "then manage.py set_up_editorial."
            )
        if offices_of(user, roles).exclude(institution=None).exists():
            user.groups.add(group)
        else:
            user.groups.remove(group)


def on_membership_changed(sender: type, instance: OfficeMembership, **kwargs: Any) -> None:
    """Keep the groups in step when an office role is granted, ended or removed."""
    sync_editorial_groups(instance.user)


@transaction.atomic
def log_review(sender: type, instance: Any, user: Any = None, **kwargs: Any) -> None:
    """Record an approval or a rejection in the review workflow (Wagtail's `task_approved`
    and `task_rejected`, sent inside the transaction that changes the task)."""
    verb = "approved" if instance.status == instance.STATUS_APPROVED else "rejected"
    page = instance.workflow_state.content_object
    institution = institution_of(page) if isinstance(page, Page) else None
    log_action(
        user,
        f"content.page.{verb}",
        page,
        {"title": page.title[:100], "institution": institution},
    )


def do_set_up_editorial(roots: list[Page]) -> Workflow:
    """Create the editors' and approvers' groups with their page permissions on `roots`
    (the home page of each language) and the review workflow on them; idempotent."""
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    groups = {}
    for name, codenames in GROUP_PAGE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(admin_access)
        for root in roots:
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root,
                    permission=Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=codename
                    ),
                )
        groups[name] = group
    task = InstitutionApprovalTask.objects.filter(name="Approval by the institution").first()
    if task is None:
        task = InstitutionApprovalTask.objects.create(name="Approval by the institution")
        task.groups.set([groups[APPROVERS_GROUP]])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for root in roots:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    # Roles granted before this set-up (in any order) get their groups now.
    holders = OfficeMembership.objects.active().filter(
        role__code__in={*EDITOR_ROLES, *APPROVER_ROLES}
    )
    for user in User.objects.filter(pk__in=holders.values("user_id")):
        sync_editorial_groups(user)
    return workflow
