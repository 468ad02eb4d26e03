"""The pages a person sees at the CamDigiKey stand-in: its sign-in page (choose a demo
citizen, or type a username and password) and its home page. In Khmer or English: the
language of the portal page the person came from (the redirect URI's /km/ or /en/)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from django.contrib.auth import views as auth_views
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from standins.camdigikey.control import ROOT
from standins.camdigikey.people import PASSWORD, PEOPLE, display_names

# The Khmer font the portal serves (its files only, read from the checkout: this page must
# show Khmer on machines without a Khmer system font, and load nothing from elsewhere).
FONTS = ROOT / "core" / "static" / "core" / "fonts"
FONT_NAMES = ("noto-sans-khmer-khmer-400.woff2", "noto-sans-khmer-khmer-700.woff2")

KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")

TEXTS = {
    "km": {
        "lang": "km",
        "title": "ចូលដោយ CamDigiKey",
        "demo": "សាកល្បងប៉ុណ្ណោះ៖ នេះមិនមែនជា CamDigiKey ពិតប្រាកដទេ។ "
        "ពលរដ្ឋខាងក្រោមត្រូវបានបង្កើតឡើងសម្រាប់ការសាកល្បង។",
        "asks": "សាលា សុំឱ្យអ្នកបញ្ជាក់ថាអ្នកជានរណា។",
        "choose": "ជ្រើសរើសពលរដ្ឋសាកល្បង",
        "sign_in_as": "ចូលជា",
        "national_id": "លេខអត្តសញ្ញាណប័ណ្ណ",
        "born": "ថ្ងៃកំណើត",
        "or": "ឬចូលដោយឈ្មោះអ្នកប្រើ និងពាក្យសម្ងាត់",
        "username": "ឈ្មោះអ្នកប្រើ",
        "password": "ពាក្យសម្ងាត់",
        "demo_password": "ពាក្យសម្ងាត់សាកល្បង",
        "submit": "ចូល",
        "wrong": "ឈ្មោះអ្នកប្រើ ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវ។ សូមព្យាយាមម្តងទៀត។",
        "home": "CamDigiKey សាកល្បង៖ ចាប់ផ្តើមពីទំព័រចូលរបស់សាលា ហើយចុច «ចូលដោយ CamDigiKey»។",
    },
    "en": {
        "lang": "en",
        "title": "Sign in with CamDigiKey",
        "demo": "Demo only: this is not the real CamDigiKey. "
        "The citizens below are made up for the demo.",
        "asks": "Sala asks you to confirm who you are.",
        "choose": "Choose a demo citizen",
        "sign_in_as": "Sign in as",
        "national_id": "National ID number",
        "born": "Born",
        "or": "Or sign in with a username and password",
        "username": "Username",
        "password": "Password",
        "demo_password": "Demo password",
        "submit": "Sign in",
        "wrong": "Wrong username or password. Try again.",
        "home": "CamDigiKey demo: start from Sala's sign-in page and press "
        "“Sign in with CamDigiKey”.",
    },
}


def language_of(next_url: str) -> str:
    """The language of the portal page that sent the person here: "km" unless "en"."""
    query = parse_qs(urlsplit(next_url).query)
    locales = query.get("ui_locales", [""])[0].split()
    if locales:
        return "en" if locales[0].startswith("en") else "km"
    redirect_uri = query.get("redirect_uri", [""])[0]
    return "en" if urlsplit(redirect_uri).path.startswith("/en/") else "km"


def people(language: str) -> list[dict[str, Any]]:
    shown = []
    for username, person in PEOPLE.items():
        khmer, latin = display_names(person)
        digits = (lambda text: text.translate(KHMER_DIGITS)) if language == "km" else str
        shown.append(
            {
                "username": username,
                "first": (khmer or latin) if language == "km" else (latin or khmer),
                "second": (latin if khmer else "")
                if language == "km"
                else (khmer if latin else ""),
                "national_id": digits(person["national_id"]),
                "born": digits(person["birthdate"]),
            }
        )
    return shown


class SignInView(auth_views.LoginView):
    template_name = "camdigikey/login.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        language = language_of(self.request.GET.get("next") or self.request.POST.get("next", ""))
        context.update(t=TEXTS[language], people=people(language), password=PASSWORD)
        return context


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "camdigikey/home.html", {"texts": TEXTS.values()})


def font(request: HttpRequest, name: str) -> FileResponse:
    if name not in FONT_NAMES:
        raise Http404
    return FileResponse((FONTS / name).open("rb"), content_type="font/woff2")
