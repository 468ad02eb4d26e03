"""The back office's refund forms (all input checked here; the limits in payments.refunds)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from payments.refunds import parse_amount


class RefundRequestForm(forms.Form):
    amount = forms.CharField(
        label=_("Amount to give back"),
        help_text=_("In the currency paid. Digits only, for example 20000 or 4.50."),
        max_length=20,
    )
    reason = forms.CharField(
        label=_("Why the money is given back"),
        help_text=_("The officer who approves reads this, and it stays in the audit log."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_amount(self):
        amount = parse_amount(self.cleaned_data["amount"])
        if amount is None:
            raise forms.ValidationError(_("Enter an amount above zero, in digits."))
        return amount


class RefundDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", "approve"), ("reject", "reject")])
    note = forms.CharField(
        label=_("Note on the decision"),
        help_text=_("Needed to reject: say why."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
