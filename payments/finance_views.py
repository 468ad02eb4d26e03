"""The finance officers' pages: reconciliation (with its CSV and XLSX exports) and bank
statement imports. Only finance officers of an office (and administrators) get in: 403
for anyone else signed in, the sign-in page for those who are not."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import wraps
from typing import cast
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from payments import exports
from payments.forms import RefundRequestForm
from payments.models import BankStatement, Mismatch
from payments.reconciliation import (
    do_record_export,
    finance_offices,
    is_finance_officer,
    mismatches,
    payments,
    read_filters,
    refund_standing,
    summarise,
)
from payments.refunds import (
    RefundError,
    do_request_refund,
    may_request_refund,
    open_to_request,
)
from payments.statements import COLUMNS, StatementError, do_import_statement

PAGE_SIZE = 50


def finance_officer_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    @never_cache
    @login_required
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_finance_officer(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@finance_officer_required
@require_GET
def reconciliation(request: HttpRequest) -> HttpResponse:
    form, filters = read_filters(request.GET, request.user)
    rows = payments(filters)
    found = mismatches(filters)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = urlencode(filters.as_query())
    summary = summarise(rows, found)
    return render(
        request,
        "payments/reconciliation.html",
        {
            "form": form,
            "filters": filters,
            "page": page,
            "summary": summary,
            "mismatch_totals_rows": [summary.mismatch_total],
            "mismatches": with_refunds(found[:PAGE_SIZE], request.user),
            "mismatch_count": found.count(),
            "query": query,
        },
    )


def with_refunds(found, user) -> list[Mismatch]:
    """The mismatches shown, each with `standing` (what became of the money) and
    `may_refund` (the user may ask to give it back: one of their offices', or no office's)."""
    mine = set(finance_offices(user).values_list("pk", flat=True))
    shown = list(found)
    for mismatch in shown:
        mismatch.standing = refund_standing(mismatch)
        mismatch.may_refund = mismatch.office_id is None or mismatch.office_id in mine
    return shown


@finance_officer_required
@require_GET
def export(request: HttpRequest, kind: str) -> HttpResponse:
    """The filtered list as CSV or XLSX (XLSX adds the mismatches as a second sheet);
    each export is audited, per office."""
    _form, filters = read_filters(request.GET, request.user)
    rows, found = payments(filters), mismatches(filters)
    do_record_export(request.user, filters, kind)
    stamp = timezone.localdate().isoformat()
    if kind == "csv":
        body = exports.as_csv(itertools.chain([exports.headers()], exports.rows(rows)))
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    else:
        body = exports.as_xlsx(
            [
                (_("Payments"), exports.headers(), exports.rows(rows)),
                (_("Mismatches"), exports.mismatch_headers(), exports.mismatch_rows(found)),
            ]
        )
        response = HttpResponse(
            body,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    name = f"sala-payments-{stamp}-{get_language()}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class StatementForm(forms.Form):
    office = forms.ChoiceField(label=gettext_lazy("Office"))
    file = forms.FileField(
        label=gettext_lazy("Bank statement (CSV)"),
        error_messages={
            "required": gettext_lazy("Choose the statement file to import."),
            "empty": gettext_lazy("The file is empty."),
        },
    )

    def __init__(self, *args, offices, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.offices = {office.code: office for office in offices}
        cast(forms.ChoiceField, self.fields["office"]).choices = [
            (code, office.name) for code, office in self.offices.items()
        ]
        self.fields["office"].error_messages["invalid_choice"] = gettext_lazy(
            "You do not reconcile the payments of that office."
        )


@finance_officer_required
@require_http_methods(["GET", "POST"])
def statements(request: HttpRequest) -> HttpResponse:
    """The statement upload form and the office's earlier imports."""
    offices = list(finance_offices(request.user))
    form = StatementForm(request.POST or None, request.FILES or None, offices=offices)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            statement = do_import_statement(
                request.user,
                form.offices[form.cleaned_data["office"]],
                upload.name,
                upload.read(),
            )
        except StatementError as error:
            form.add_error("file", error.km if get_language() == "km" else error.en)
        else:
            return HttpResponseRedirect(f"{request.path}{statement.pk}/")
    earlier = BankStatement.objects.filter(office__in=offices).select_related(
        "office", "imported_by"
    )[:20]
    return render(
        request,
        "payments/statements.html",
        {"form": form, "earlier": earlier, "columns": COLUMNS},
        status=400 if form.errors else 200,
    )


@finance_officer_required
@require_GET
def statement(request: HttpRequest, pk: int) -> HttpResponse:
    """One import: its counts, the bad rows with why, and each line's outcome."""
    try:
        found = BankStatement.objects.select_related("office", "imported_by").get(pk=pk)
    except BankStatement.DoesNotExist as exc:
        raise Http404 from exc
    if not finance_offices(request.user).filter(pk=found.office_id).exists():
        raise PermissionDenied
    lines = found.lines.select_related("payment", "mismatch")
    language = "km" if get_language() == "km" else "en"
    return render(
        request,
        "payments/statement.html",
        {
            "statement": found,
            "lines": lines,
            "bad_rows": [(row["row"], row[language]) for row in found.bad_rows],
            "line_count": found.matched + found.already_matched + found.unmatched,
        },
    )


@finance_officer_required
@require_http_methods(["GET", "POST"])
def mismatch_refund(request: HttpRequest, pk: int) -> HttpResponse:
    """A finance officer asks to give back money that did not pay a bill (at most what
    arrived, with a reason); another finance officer decides it."""
    mismatch = Mismatch.objects.select_related("office", "payment__case__service").filter(pk=pk)
    found = mismatch.first()
    if found is None:
        raise Http404
    if not may_request_refund(request.user, found):
        raise PermissionDenied
    form = RefundRequestForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            do_request_refund(
                request.user, found, form.cleaned_data["amount"], form.cleaned_data["reason"]
            )
        except RefundError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("The refund is asked for. Another finance officer approves it.")
            )
            return HttpResponseRedirect(reverse("payments:reconciliation") + "#mismatches")
    return render(
        request,
        "payments/mismatch_refund_request.html",
        {"mismatch": found, "form": form, "open_to_request": open_to_request(found),
         "refunds": found.refunds.all()},
        status=400 if form.is_bound else 200,
    )  # fmt: skip
