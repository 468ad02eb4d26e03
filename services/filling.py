"""Filling in one page of an application's form: the one module that both the citizen's
pages (`services.views`) and the counter's (`cases.counter_pages`) call, so that an
officer entering a walk-in's application has everything the citizen has: repeating
groups with "Add another" and "Remove", files kept when the page is refused for another
reason, and answers saved as soon as the page is valid.

    form = fill_page(request, application, page, answers)
    if form is None:  # the page's answers are saved: go to the next page
        ...
    else:  # show the page (again) with `form`
        ...
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict

from services.attachments import do_remove_attachment, do_store_attachment
from services.definitions import Page, visible_answers
from services.forms import SEPARATOR, PageForm
from services.models import Application
from services.submitting import do_save_answers, do_save_file_answers


def fill_page(
    request: HttpRequest, application: Application, current: Page, answers: dict
) -> PageForm | None:
    """Show or take one page: return None once its answers are saved, else the form to
    show (the empty page, the page with its errors, or one with a group item added or
    removed)."""
    attachments = {str(a.public_id): a for a in application.attachments.all()}
    if request.method == "POST" and ("_add" in request.POST or "_remove" in request.POST):
        counts = group_counts(request)
        initial = _initial_from_post(request)
        _remove_group_item(request, initial, counts)
        _save_valid_answers(application, current, answers, attachments, counts, initial)
        return PageForm(
            current, answers, attachments=attachments, group_counts=counts, initial=initial
        )
    if request.method != "POST":
        return PageForm(current, answers, attachments=attachments)
    form = PageForm(
        current,
        answers,
        attachments=attachments,
        group_counts=group_counts(request),
        data=request.POST,
        files=request.FILES,
    )
    if form.is_valid():
        page_answers = form.answers()
        keep_files(application, form, attachments, page_answers)
        do_save_answers(application, page_answers, current.key)
        return None
    if form.checked_uploads and _keep_good_uploads(application, form, attachments):
        form = _rebound(request, application, current)
    return form


def group_counts(request: HttpRequest) -> dict[str, int]:
    counts = {}
    for name, value in request.POST.items():
        if name.endswith(f"{SEPARATOR}count") and isinstance(value, str) and value.isdigit():
            counts[name.removesuffix(f"{SEPARATOR}count")] = int(value)
    if add := request.POST.get("_add"):
        counts[add] = counts.get(add, 1) + 1
    return counts


def _initial_from_post(request: HttpRequest) -> dict:
    return {
        name: values if len(values) > 1 else values[0]
        for name, values in request.POST.lists()
        if not name.startswith("_") and name != "csrfmiddlewaretoken"
    }


def _remove_group_item(request: HttpRequest, initial: dict, counts: dict[str, int]) -> None:
    """Drop item i of a group from the posted data ("Remove" pressed), renumbering the rest."""
    group, _sep, index_text = request.POST.get("_remove", "").partition(":")
    if not index_text.isdigit() or group not in counts:
        return
    index, count = int(index_text), counts[group]
    for later in range(index, count):
        for name in [n for n in initial if n.startswith(f"{group}{SEPARATOR}{later}{SEPARATOR}")]:
            value = initial.pop(name)
            if later > index:
                rest = name.removeprefix(f"{group}{SEPARATOR}{later}{SEPARATOR}")
                initial[f"{group}{SEPARATOR}{later - 1}{SEPARATOR}{rest}"] = value
    counts[group] = count - 1
    initial[f"{group}{SEPARATOR}count"] = count - 1


def _save_valid_answers(application, current, answers, attachments, counts, posted) -> None:
    """On "Add another" or "Remove", keep in the draft what is already valid on the page,
    so that leaving now loses nothing; the page stays incomplete until Continue."""
    data = MultiValueDict({k: v if isinstance(v, list) else [v] for k, v in posted.items()})
    form = PageForm(current, answers, attachments=attachments, group_counts=counts, data=data)
    form.is_valid()
    do_save_answers(application, form.answers(), current.key)


def keep_files(
    application: Application, form: PageForm, attachments: dict, answers: dict, keys=None
) -> None:
    """Store the page's new uploads and drop the files the person removed (of the file
    questions in `keys`, or all of them)."""
    for question in form.questions:
        if question.type != "file" or (keys is not None and question.key not in keys):
            continue
        kept = answers.get(question.key, [])
        for attachment_id in set(form.existing[question.key]) - set(kept):
            do_remove_attachment(attachments[attachment_id])
        for upload, content_type in form.checked_uploads.get(question.key, []):
            kept.append(
                str(do_store_attachment(application, question, upload, content_type).public_id)
            )
        if kept:
            answers[question.key] = kept


def _keep_good_uploads(application: Application, form: PageForm, attachments: dict) -> bool:
    """On a page refused for another reason, store the uploads that passed their checks so
    that the person does not have to choose them again. Return whether any was stored."""
    files = {}
    for question in form.questions:
        if question.type == "file" and question.key not in form.errors:
            kept = form.cleaned_data.get(f"{question.key}{SEPARATOR}kept", [])
            if form.checked_uploads.get(question.key):
                files[question.key] = list(kept)
    if not files:
        return False
    keep_files(application, form, attachments, files, keys=set(files))
    do_save_file_answers(application, files)
    return True


def _rebound(request: HttpRequest, application: Application, current) -> PageForm:
    """The page's form bound again to what was posted, with the files now stored."""
    application.refresh_from_db(fields=["answers"])
    answers = visible_answers(application.form_version.form(), application.answers)
    stored = {str(a.public_id): a for a in application.attachments.all()}
    data = request.POST.copy()
    for name in [n for n in data if n.endswith(f"{SEPARATOR}remove")]:
        del data[name]  # already done: the removed files are gone
    form = PageForm(current, answers, attachments=stored, group_counts=group_counts(request),
                    data=data)  # fmt: skip
    form.is_valid()
    return form
