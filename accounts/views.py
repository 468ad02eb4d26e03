from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts.auditing import as_entries, person_entries
from accounts.forms import ProfileForm
from accounts.models import User
from accounts.officers import offices_of
from accounts.profiles import do_request_account_closure, do_update_profile, export_personal_data
from accounts.roles import COUNTER_INTAKE, READ_CASE, roles_for
from core.typing import AuthenticatedHttpRequest


@login_required
def my_account(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/my_account.html",
        {
            "may_read_cases": offices_of(request.user, roles_for(READ_CASE)).exists(),
            "may_take_walk_ins": offices_of(request.user, roles_for(COUNTER_INTAKE)).exists(),
        },
    )


def _profile_breadcrumbs(current: str) -> list[tuple[str, str]]:
    return [
        (_("My account"), reverse("accounts:my_account")),
        (_("Your profile"), reverse("accounts:profile")),
        (current, ""),
    ]


@never_cache
@login_required
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/profile.html",
        {
            "person": request.user,
            "breadcrumbs": [(_("My account"), reverse("accounts:my_account"))],
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: AuthenticatedHttpRequest) -> HttpResponse:
    # The form gets its own copy: a ModelForm writes what it cleans into its instance, and
    # request.user must keep the stored values for the layout and for do_update_profile.
    form = ProfileForm(request.POST or None, instance=User.objects.get(pk=request.user.pk))
    if request.method == "POST" and form.is_valid():
        changed = do_update_profile(request.user, form.cleaned_data)
        messages.success(request, _("Your profile has been saved."))
        if "mobile" in changed and request.user.mobile:
            messages.warning(
                request,
                _(
                    "Your new mobile number is not verified yet. Until you enter the code we "
                    "send it by SMS, an office cannot use it to find your account."
                ),
            )
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/profile_edit.html",
        {"form": form, "breadcrumbs": _profile_breadcrumbs(_("Change your profile"))},
    )


@never_cache
@login_required
def profile_download(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = export_personal_data(request.user)
    filename = f"sala-personal-data-{timezone.localdate().isoformat()}.json"
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def profile_close(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method == "POST":
        if do_request_account_closure(request.user):
            messages.success(request, _("We have received your request to close your account."))
        return redirect("accounts:profile_close")
    return render(
        request,
        "accounts/profile_close.html",
        {"breadcrumbs": _profile_breadcrumbs(_("Close your account"))},
    )


@never_cache
@login_required
@require_GET
def data_use(request: AuthenticatedHttpRequest) -> HttpResponse:
    """ "Who used my data": what officers and the portal did with the person's data and for
    them (openings of their applications, changes, documents), newest first."""
    page = Paginator(person_entries(request.user), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/data_use.html",
        {
            "page": page,
            "entries": as_entries(page, request.user, unknown_actor=_("The portal")),
            "breadcrumbs": _profile_breadcrumbs(_("Who used my data")),
        },
    )
