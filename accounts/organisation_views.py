"""Pages for organisations: list and create, members and invitations, acting for one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts import acting, organisations
from accounts.forms import InvitationForm, OrganisationForm
from accounts.models import Invitation, Organisation
from core.typing import AuthenticatedHttpRequest


def _crumbs(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    return [
        (_("My account"), reverse("accounts:my_account")),
        (_("Your organisations"), reverse("accounts:organisations")),
        *extra,
    ]


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def organisation_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = organisations.do_create_organisation(
            request.user,
            form.cleaned_data["name_km"],
            form.cleaned_data["name_en"],
            form.cleaned_data["registration_number"],
        )
        messages.success(request, _("The organisation has been added. You are its owner."))
        return redirect("accounts:organisation", organisation.pk)
    return render(
        request,
        "accounts/organisation_list.html",
        {
            "memberships": request.user.organisation_memberships.select_related("organisation"),
            "form": form,
            "breadcrumbs": [(_("My account"), reverse("accounts:my_account"))],
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def organisation_detail(request: AuthenticatedHttpRequest, organisation_id: int) -> HttpResponse:
    organisation = organisations.access_organisation_by_id(
        request.user, organisation_id, "accounts.view_organisation"
    )
    may_invite = request.user.has_perm("accounts.invite_member", organisation)
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        if not may_invite:
            return HttpResponse(status=403)
        if form.is_valid():
            try:
                invitation = organisations.check_invite_member(
                    request.user,
                    organisation,
                    role=form.cleaned_data["role"],
                    **form.cleaned_data["address"],
                )
            except ValidationError as error:
                form.add_error("address", error)
            else:
                messages.success(
                    request,
                    _("We have sent an invitation to %(address)s.")
                    % {"address": invitation.address},
                )
                return redirect("accounts:organisation", organisation.pk)
    return render(
        request,
        "accounts/organisation_detail.html",
        {
            "organisation": organisation,
            "members": organisation.memberships.select_related("user"),
            "invitations": [i for i in organisation.invitations.all() if i.is_open]
            if may_invite
            else [],
            "may_invite": may_invite,
            "form": form,
            "breadcrumbs": _crumbs((organisation.name, "")),
        },
    )


@login_required
@require_POST
def member_remove(
    request: AuthenticatedHttpRequest, organisation_id: int, member_id: int
) -> HttpResponse:
    organisation = organisations.access_organisation_by_id(
        request.user, organisation_id, "accounts.view_organisation"
    )
    member = organisations.access_member_by_id(request.user, organisation, member_id)
    try:
        organisations.check_remove_member(request.user, member)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("%(name)s is no longer a member.") % {"name": member.user})
    return redirect("accounts:organisation", organisation.pk)


@login_required
@require_POST
def invitation_withdraw(
    request: AuthenticatedHttpRequest, organisation_id: int, invitation_id: int
):
    organisation = organisations.access_organisation_by_id(
        request.user, organisation_id, "accounts.invite_member"
    )
    invitation = organisation.invitations.filter(pk=invitation_id).first()
    if invitation is not None:
        organisations.do_withdraw_invitation(request.user, invitation)
        messages.success(request, _("The invitation has been withdrawn."))
    return redirect("accounts:organisation", organisation.pk)


@never_cache
@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    found: Invitation = organisations.access_invitation_by_token(request.user, token)
    if not request.user.is_authenticated:
        return render(request, "accounts/invitation.html", {"invitation": found})
    may_accept = request.user.has_perm("accounts.accept_invitation", found)
    if request.method == "POST" and may_accept:
        try:
            organisations.check_accept_invitation(request.user, found)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request,
                _("You are now a member of %(name)s.") % {"name": found.organisation.name},
            )
            return redirect("accounts:organisation", found.organisation.pk)
    return render(
        request, "accounts/invitation.html", {"invitation": found, "may_accept": may_accept}
    )


@login_required
@require_POST
def act_for(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Start acting for the organisation posted, or stop acting when none is posted."""
    organisation_id = request.POST.get("organisation", "")
    if organisation_id.isdigit():
        organisation: Organisation = organisations.access_organisation_by_id(
            request.user, int(organisation_id), "accounts.act_for_organisation"
        )
        acting.do_act_for(request, organisation)
        messages.success(
            request,
            _("You are now acting for %(name)s. Everything you do is recorded as done for it.")
            % {"name": organisation.name},
        )
    else:
        acting.do_stop_acting(request)
        messages.success(request, _("You are acting for yourself again."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = reverse("accounts:organisations")
    return redirect(next_url)
