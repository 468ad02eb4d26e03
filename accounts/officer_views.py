"""The head of office's page: who works in the office, in which role; grant and end."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import officers
from accounts.auditing import access_office_audit_by_code, as_entries, office_entries
from accounts.forms import GrantRoleForm
from accounts.roles import READ_AUDIT, roles_for
from core.typing import AuthenticatedHttpRequest

AUDIT_PAGE_SIZE = 50


@never_cache
@login_required
def office_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    memberships = officers.active_memberships(request.user).select_related("office", "role")
    return render(
        request,
        "accounts/office_list.html",
        {
            "memberships": memberships,
            "audit_roles": roles_for(READ_AUDIT),
            "breadcrumbs": [(_("My account"), reverse("accounts:my_account"))],
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def office_officers(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    office = officers.access_managed_office_by_code(request.user, code)
    form = GrantRoleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            officers.check_grant_office_role(
                request.user, form.cleaned_data["person"], office, form.cleaned_data["role"]
            )
        except ValidationError as error:
            form.add_error("role", error)
        else:
            messages.success(request, _("The role has been granted."))
            return redirect("accounts:office_officers", office.code)
    return render(
        request,
        "accounts/office_officers.html",
        {
            "office": office,
            "memberships": office.officer_memberships.active().select_related("user", "role"),
            "form": form,
            "breadcrumbs": [
                (_("My account"), reverse("accounts:my_account")),
                (_("Your offices"), reverse("accounts:offices")),
                (office.name, ""),
            ],
        },
    )


@login_required
@require_POST
def office_membership_end(
    request: AuthenticatedHttpRequest, code: str, membership_id: int
) -> HttpResponse:
    office = officers.access_managed_office_by_code(request.user, code)
    membership = officers.access_office_membership_by_id(request.user, membership_id)
    if membership.office_id != office.pk:
        raise PermissionDenied
    officers.do_end_office_membership(request.user, membership)
    messages.success(request, _("The role has been ended."))
    return redirect("accounts:office_officers", office.code)


@never_cache
@login_required
@require_GET
def office_audit(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    """The audit entries about the office (roles, documents, cases, the counter), newest
    first, for its officers whose role reads them."""
    office = access_office_audit_by_code(request.user, code)
    page = Paginator(office_entries(office), AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/office_audit.html",
        {
            "office": office,
            "page": page,
            "entries": as_entries(page, request.user, unknown_actor=_("The portal")),
            "breadcrumbs": [
                (_("My account"), reverse("accounts:my_account")),
                (_("Your offices"), reverse("accounts:offices")),
            ],
        },
    )
