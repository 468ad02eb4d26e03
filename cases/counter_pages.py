"""The counter's form pages: the citizen's own page filling (`services.filling`, the
services page template, repeating groups included), driven by the officer instead of the
applicant."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from services.answers import answer_rows
from services.definitions import pages_to_ask, visible_answers
from services.filling import fill_page
from services.models import Application
from services.submitting import (
    SubmissionError,
    check_submit_application,
    first_incomplete_page,
)


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
    form = fill_page(request, application, current, answers)
    if form is None:
        return HttpResponseRedirect(here)
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
            # The page stays the one being filled while a group grows or shrinks (its
            # answers may already be complete, which would move "the first page still to
            # fill" on).
            "form_action": f"{here}?page={current.key}",
            "returning": False,
            "step": index + 1,
            "steps": len(asked),
        },
        status=400 if form.errors else 200,
    )
