from __future__ import annotations

import re
from typing import Any, cast

from allauth.account import forms as allauth_forms
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.totp import forms as totp_forms
from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation, OrganisationMember, Role, User
from accounts.profiles import PROFILE_FIELDS
from accounts.validators import (
    national_mobile,
    normalise_mobile,
    normalise_national_id,
    normalise_registration_number,
)
from core.forms import DateOfBirthField
from core.ratelimit import hit, is_limited
from geo.models import Area

KHMER_LETTERS = re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]")
LATIN_LETTERS = re.compile(r"[A-Za-z]")
LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z .'\-]*")
MAX_AREA_MATCHES_SHOWN = 5


class ProfileForm(forms.ModelForm):
    """The citizen's own profile. Cleans what people type into the stored forms."""

    home_area = forms.CharField(
        label=_("Home area"),
        max_length=120,
        required=False,
        help_text=_(
            "The code or the exact name of your village, commune, district or province, "
            "e.g. 1202 or Doun Penh."
        ),
    )
    national_id = forms.CharField(
        label=_("National ID number"),
        max_length=30,
        required=False,
        help_text=_("The 9 to 12 digits on your national ID card."),
    )
    date_of_birth = DateOfBirthField(
        label=_("Date of birth"), required=False, help_text=_("For example 17 April 1990.")
    )
    mobile = forms.CharField(
        label=_("Mobile number"),
        max_length=30,
        required=False,
        help_text=_("A Cambodian mobile number, e.g. 012 345 678."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel-national"}),
    )

    class Meta:
        model = User
        fields = PROFILE_FIELDS
        labels = {
            "name_km": _("Full name in Khmer"),
            "name_latin": _("Full name in Latin letters"),
            "sex": _("Sex"),
            "preferred_language": _("Preferred language"),
        }
        help_texts = {
            "name_km": _("As on your national ID card, e.g. សុខ ដារា."),
            "name_latin": _("As on your national ID card or passport, e.g. SOK DARA."),
        }
        widgets = {
            "name_km": forms.TextInput(attrs={"autocomplete": "name", "lang": "km"}),
            "name_latin": forms.TextInput(attrs={"autocomplete": "name", "lang": "en"}),
            "sex": forms.RadioSelect,
            "preferred_language": forms.RadioSelect,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["sex"]).choices = [
            ("", _("Prefer not to say")),
            *User.Sex.choices,
        ]
        if self.instance.pk and not self.is_bound:
            self.initial["mobile"] = national_mobile(self.instance.mobile)
            area = self.instance.home_area
            self.initial["home_area"] = area.code if area else ""

    def clean_name_km(self) -> str:
        name = " ".join(self.cleaned_data["name_km"].split())
        if name and (not KHMER_LETTERS.search(name) or LATIN_LETTERS.search(name)):
            raise forms.ValidationError(_("Write your name in Khmer script, e.g. សុខ ដារា."))
        return name

    def clean_name_latin(self) -> str:
        name = " ".join(self.cleaned_data["name_latin"].split())
        if name and not LATIN_NAME.fullmatch(name):
            raise forms.ValidationError(
                _("Write your name in Latin letters (A to Z), e.g. SOK DARA.")
            )
        return name

    def clean_national_id(self) -> str:
        value = self.cleaned_data["national_id"]
        return normalise_national_id(value) if value.strip() else ""

    def clean_mobile(self) -> str:
        value = self.cleaned_data["mobile"]
        if not value.strip():
            return ""
        mobile = normalise_mobile(value)
        taken = User.objects.filter(mobile=mobile).exclude(pk=self.instance.pk).exists()
        if taken:
            raise forms.ValidationError(_("This mobile number belongs to another account."))
        return mobile

    def clean_home_area(self) -> Area | None:
        text = " ".join(self.cleaned_data["home_area"].split())
        if not text:
            return None
        areas = Area.objects.current()
        if text.isdigit():
            matches = list(areas.filter(code=text))
        else:
            matches = list(
                areas.filter(Q(name_km__iexact=text) | Q(name_en__iexact=text)).order_by("code")[
                    : MAX_AREA_MATCHES_SHOWN + 1
                ]
            )
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise forms.ValidationError(
                _("There is no area called or numbered “%(text)s”."), params={"text": text}
            )
        shown = ", ".join(f"{area.name} ({area.code})" for area in matches[:MAX_AREA_MATCHES_SHOWN])
        raise forms.ValidationError(
            _("Several areas are called “%(text)s”: enter the code of yours (%(areas)s)."),
            params={"text": text, "areas": shown},
        )


class SignupForm(allauth_forms.SignupForm):
    """Sign up with a mobile number, an email address or both (at least one)."""

    field_order = ["phone", "email", "password1", "password2"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["phone"].label = _("Mobile number")
        self.fields["phone"].help_text = _(
            "A Cambodian mobile number, e.g. 012 345 678. We send it a code by SMS."
        )
        self.fields["email"].label = _("Email address")
        self.fields["email"].help_text = _("We send it a link to confirm it.")
        for name in ("email", "password1", "password2"):
            self.fields[name].widget.attrs.pop("placeholder", None)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not self.errors and not cleaned.get("phone") and not cleaned.get("email"):
            raise forms.ValidationError(
                _("Give a mobile number or an email address, so that we can confirm it is yours.")
            )
        return cleaned


class LoginForm(allauth_forms.LoginForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = _("Mobile number, email address or username")
        login.widget.attrs.pop("placeholder", None)
        login.widget.attrs["autocomplete"] = "username"
        self.fields["password"].widget.attrs.pop("placeholder", None)
        self.fields["password"].help_text = ""  # the page links to the reset itself


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name_km", "name_en", "registration_number"]
        labels = {
            "name_km": _("Name in Khmer"),
            "name_en": _("Name in English"),
            "registration_number": _("Registration number"),
        }
        help_texts = {
            "registration_number": _(
                "From the certificate of incorporation, e.g. 00012345 or Co. 1234 E/2012."
            )
        }
        widgets = {
            "name_km": forms.TextInput(attrs={"lang": "km"}),
            "name_en": forms.TextInput(attrs={"lang": "en"}),
        }

    def clean_registration_number(self) -> str:
        number = normalise_registration_number(self.cleaned_data["registration_number"])
        if Organisation.objects.filter(registration_number=number).exists():
            raise forms.ValidationError(
                _(
                    "An organisation with this registration number is already on the portal. "
                    "Ask its owner to invite you."
                )
            )
        return number


class InvitationForm(forms.Form):
    address = forms.CharField(
        label=_("Email address or mobile number"),
        max_length=254,
        help_text=_("We send the invitation there: e.g. sokha@example.org or 012 345 678."),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=OrganisationMember.Role.choices,
        initial=OrganisationMember.Role.REPRESENTATIVE,
        widget=forms.RadioSelect,
    )

    def clean_address(self) -> dict[str, str]:
        text = self.cleaned_data["address"].strip()
        if "@" in text:
            forms.EmailField().clean(text)
            return {"email": text.lower(), "mobile": ""}
        return {"email": "", "mobile": normalise_mobile(text)}


class GrantRoleForm(forms.Form):
    person = forms.CharField(
        label=_("Officer"),
        max_length=254,
        help_text=_("Their email address, mobile number or username on the portal."),
    )
    role = forms.ModelChoiceField(
        label=_("Role"), queryset=Role.objects.all(), widget=forms.RadioSelect, empty_label=None
    )

    def clean_person(self) -> User:
        text = self.cleaned_data["person"].strip()
        user = None
        if "@" in text:
            user = User.objects.filter(emailaddress__email__iexact=text).first()
        if user is None:
            user = User.objects.filter(username__iexact=text).first()
        if user is None:
            try:
                user = User.objects.filter(mobile=normalise_mobile(text)).first()
            except forms.ValidationError:
                user = None
        if user is None:
            raise forms.ValidationError(
                _(
                    "Nobody on the portal has this email address, mobile number or username. "
                    "Ask them to create an account first."
                )
            )
        return user


# --- Second factor -------------------------------------------------------------------
ONE_TIME_CODE_ATTRS = {"inputmode": "numeric", "autocomplete": "one-time-code"}
MFA_FAILURES = "accounts.mfa_failures"


class CodeFieldMixin:
    """Phones show the number pad and offer the code from a text message; wrong codes
    are limited per account (SALA_MFA_FAILURES_PER_ACCOUNT), whatever the address they
    come from, besides allauth's limit per address."""

    fields: dict[str, forms.Field]
    user: User

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(ONE_TIME_CODE_ATTRS)

    def clean_code(self) -> str:
        rate, key = settings.SALA_MFA_FAILURES_PER_ACCOUNT, str(self.user.pk)
        if is_limited(MFA_FAILURES, key, rate):
            raise forms.ValidationError(
                _(
                    "Too many wrong codes were typed for this account. Wait a quarter of "
                    "an hour, then try again with a new code."
                ),
                code="too_many_codes",
            )
        try:
            return super().clean_code()  # type: ignore[misc]
        except forms.ValidationError:
            hit(MFA_FAILURES, key, rate)
            raise


class AuthenticateForm(CodeFieldMixin, mfa_forms.AuthenticateForm):
    """The code at sign-in (authenticator app or recovery code, both digits only)."""


class ReauthenticateForm(CodeFieldMixin, mfa_forms.ReauthenticateForm):
    """The code asked again before a sensitive change."""


class ActivateTOTPForm(totp_forms.ActivateTOTPForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(ONE_TIME_CODE_ATTRS)
