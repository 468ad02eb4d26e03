from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from documents.codes import normalise_code


class VerifyForm(forms.Form):
    """The code printed on a document, typed in: spaces, dashes and case do not matter."""

    code = forms.CharField(
        label=_("Verification code"),
        help_text=_("16 letters and digits, printed under the QR code, e.g. ABCD-EFGH-JKMN-PQRS."),
        max_length=60,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _(
                    "This is not a verification code. Check it against the document: "
                    "16 letters and digits, in four groups of four."
                )
            )
        return code
