"""Forms of the back office and the applicant's pages (all input checked here)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import DateOfBirthField
from core.phones import MobileNumberField
from geo.models import Facility
from services.attachments import check_upload, count_error
from services.definitions import Field
from services.forms import MultipleFileField, MultipleFileInput
from services.models import Service

if TYPE_CHECKING:
    from accounts.models import User

MESSAGE_FILES = Field(
    key="case-message",
    type="file",
    label={"km": "ឯកសារ", "en": "Files"},
    help={},
    required=False,
    when=None,
    spec={"accept": ["image/png", "image/jpeg", "application/pdf"], "max_size_mb": 5,
          "max_files": 3},
)  # fmt: skip


class ActionForm(forms.Form):
    transition = forms.CharField(max_length=40)
    version = forms.IntegerField(min_value=1)
    reason = forms.CharField(label=_("Reason or message to the applicant"), required=False,
                             max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip

    def say_when_the_reason_is_needed(self, transitions) -> None:
        """Label the reason truly: needed for the actions on the page that require one
        (the field itself stays optional, since the other actions take none)."""
        needing = [t.label for t in transitions if t.needs_reason]
        if needing:
            # An attribute of our own, read by components/form_field.html: Field has none.
            self.fields["reason"].required_when = _(  # type: ignore[attr-defined]
                "needed to: %(actions)s"
            ) % {"actions": ", ".join(needing)}


class ColleagueChoiceField(forms.ModelChoiceField):
    """Officers by the name they go by."""

    def label_from_instance(self, obj: User) -> str:
        return obj.display_name


class ServiceChoiceField(forms.ModelChoiceField):
    """Services by their name in the page's language."""

    def label_from_instance(self, obj: Service) -> str:
        return obj.name


class AssignForm(forms.Form):
    version = forms.IntegerField(min_value=1)
    assignee = ColleagueChoiceField(
        label=_("Give the case to"), queryset=None, required=False,
        empty_label=_("Nobody"),
    )  # fmt: skip

    def __init__(self, *args, colleagues, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(ColleagueChoiceField, self.fields["assignee"]).queryset = colleagues  # as declared


class RerouteForm(forms.Form):
    version = forms.IntegerField(min_value=1)
    office = forms.CharField(label=_("Code of the office to send it to"), max_length=60)
    reason = forms.CharField(label=_("Why"), max_length=1000)

    def clean_office(self):
        office = Facility.objects.filter(code=self.cleaned_data["office"].strip()).first()
        if office is None:
            raise ValidationError(_("No office has this code. Check it in the directory."))
        return office


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Internal note"), max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 4}))  # fmt: skip
    # The form's metaclass takes declared fields off the class, so this field does not
    # replace BaseForm.files (the uploads) as mypy thinks.
    files = MultipleFileField(  # type: ignore[assignment]
        label=_("Files (photos or PDF, up to 3)"), required=False,
        widget=MultipleFileInput(attrs={"multiple": True}),
    )  # fmt: skip

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        if message := count_error(MESSAGE_FILES, len(files)):
            raise ValidationError(message)
        return [(upload, check_upload(upload, MESSAGE_FILES)) for upload in files]


class BulkForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("assign_me", _("Assign to me")), ("start_review", _("Start the review"))]
    )
    cases = forms.TypedMultipleChoiceField(coerce=str, choices=[])

    def __init__(self, *args, case_ids, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["cases"]).choices = [(i, i) for i in case_ids]


class StatusCheckForm(forms.Form):
    reference = forms.CharField(label=_("Reference number"), max_length=30)
    date_of_birth = DateOfBirthField(label=_("Date of birth of the applicant"))


class CounterStartForm(forms.Form):
    service = ServiceChoiceField(label=_("Service"), queryset=None)
    name = forms.CharField(label=_("Citizen's name"), max_length=150)
    mobile = MobileNumberField(
        required=False,
        help_text=_(
            "For example 012 345 678. An account is used only if its holder has verified "
            "this number, or if you checked the identity below."
        ),
    )
    identity_checked = forms.BooleanField(
        label=_("I checked the citizen's identity card: they are the holder of the account "
                "with this number"),
        required=False,
    )  # fmt: skip
    date_of_birth = DateOfBirthField(
        label=_("Date of birth"), required=False,
        help_text=_("The citizen checks the status of the application with it."),
    )  # fmt: skip

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(ServiceChoiceField, self.fields["service"]).queryset = (  # as declared
            Service.objects.published().exclude(form_versions__isnull=True).distinct()
        )
