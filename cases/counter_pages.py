"""The counter's form pages: the services form engine (`services.forms.PageForm` and the
services page template), driven by the officer instead of the applicant."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from services.answers import answer_rows
from services.definitions import pages_to_ask, visible_answers
from services.forms import PageForm
from services.models import Application
from services.submitting import (
    SubmissionError,
    check_submit_application,
    do_save_answers,
    first_incomplete_page,
)
from services.views import _keep_files


def counter_page(request: HttpRequest, application: Application) -> HttpResponse:
    """Show the first page still to fill (or the one asked for), save it, and once all
    are filled show the answers with the button that sends the application."""
    here = reverse("cases:counter_form", args=[application.public_id])
    form_definition = application.form_version.form()
    answers = visible_answers(form_definition, application.answers)
    asked = pages_to_ask(form_definition, answers)
    wanted = request.GET.get("page") or first_incomplete_page(application)
    if request.method == "POST" and request.POST.get("send"):
        try:
            check_submit_application(application, declared=True)
        except SubmissionError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(here)
        return HttpResponseRedirect(reverse("cases:counter_receipt", args=[application.public_id]))
    current = next((p for p in asked if p.key == wanted), None)
    if current is None:
        return render(
            request,
            "cases/counter_check.html",
            {"application": application, "rows": answer_rows(application), "asked": asked},
        )
    attachments = {str(a.public_id): a for a in application.attachments.all()}
    if request.method == "POST":
        form = PageForm(
            current, answers, attachments=attachments, data=request.POST, files=request.FILES
        )
        if form.is_valid():
            page_answers = form.answers()
            _keep_files(application, form, attachments, page_answers)
            do_save_answers(application, page_answers, current.key)
            return HttpResponseRedirect(here)
    else:
        form = PageForm(current, answers, attachments=attachments)
    index = asked.index(current)
    return render(
        request,
        "services/page.html",
        {
            "application": application,
            "service": application.service,
            "page": current,
            "form": form,
            "blocks": form.blocks(),
            "back_url": reverse("cases:counter_start"),
            "returning": False,
            "step": index + 1,
            "steps": len(asked),
        },
        status=400 if form.errors else 200,
    )
