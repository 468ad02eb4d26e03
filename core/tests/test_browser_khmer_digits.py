"""Issue 16, as a new user meets it: Khmer digits everywhere on Khmer pages. A visitor walks
the public pages (home, places, the directory and an office, news, verification), signs
in and walks their account and notifications; no ASCII digit may show on a Khmer page,
and no Khmer digit in the English text of an English page.

Identifiers a person must copy or type exactly as shown are allowed in ASCII (written
down here, matched by IDENTIFIERS): email addresses, web addresses and domain names, the
verification code of an issued document, the name and id of its signing key (Ed25519).
services/, cases/ and search/ are walked by their own tests.

The same walk checks what search engines read on each public page: one meta description
of its own, and absolute alternate links to the page in each language.
"""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from accounts.tests.factories import PASSWORD
from content.tests.test_browser_content import demo_content  # noqa: F401  (the fixture)
from core.testing import sign_in
from documents.tests.factories import issue
from geo.tests.factories import create_facility, create_tree, office_hours
from notifications.api import notify
from notifications.tests.factories import APPROVED, create_person

pytestmark = pytest.mark.browser

IDENTIFIERS = re.compile(
    r"[\w.+-]+@[\w-]+(\.[\w-]+)+"  # an email address
    r"|https?://\S+|\b[\w-]+(\.[\w-]+)*\.(kh|org|com|net|gov)\b\S*"  # a web address, a domain
    r"|\b[0-9A-Z]{4}(-[0-9A-Z]{4}){3}\b"  # a document's verification code
    r"|\bEd25519\b|\b[0-9a-f]{16}\b"  # the signing algorithm and key id
)
ASCII_DIGIT = re.compile(r"[0-9]")
KHMER_DIGIT = re.compile(r"[០-៩]")

# Text of every visible text node, with the language of the element it is in.
VISIBLE_TEXT = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest("script,style,noscript,template")) continue;
    if (!el.checkVisibility({visibilityProperty: true})) continue;
    const lang = el.closest("[lang]");
    out.push([node.textContent.trim(), lang ? lang.getAttribute("lang") : ""]);
  }
  return out;
}"""


def head_problems(page, path: str) -> list[str]:
    """Return what is wrong with the page's description and alternate links."""
    problems = []
    descriptions = page.locator("head meta[name=description]")
    if descriptions.count() != 1 or not descriptions.get_attribute("content").strip():
        problems.append("needs exactly one meta description")
    alternates = {
        link.get_attribute("hreflang"): link.get_attribute("href")
        for link in page.locator("head link[rel=alternate][hreflang]").all()
    }
    if set(alternates) != {"km", "en", "x-default"}:
        problems.append(f"alternate languages {sorted(alternates)}")
    if alternates.get("x-default") != alternates.get("km"):
        problems.append("x-default is not the Khmer page")
    for code, href in alternates.items():
        if code == "x-default":
            continue
        if not re.match(r"https?://[^/]+/", href) or not href.endswith(path.split("?")[0]):
            problems.append(f"alternate {code} is {href}")
    return problems


def wrong_digits(page, language: str) -> list[str]:
    """Return the visible texts of the page that show a digit of the other script."""
    wrong = ASCII_DIGIT if language == "km" else KHMER_DIGIT
    found = []
    for text, lang in page.evaluate(VISIBLE_TEXT):
        if language == "en" and lang == "km":
            continue  # Khmer text quoted on an English page keeps its digits
        if wrong.search(IDENTIFIERS.sub("", text)):
            found.append(text)
    return found


@pytest.fixture
def world(demo_content, live_server):  # noqa: F811
    tree = create_tree()
    hall = create_facility(
        tree.commune,
        "commune-hall",
        phones=["063 963 111"],
        address_km="ផ្លូវជាតិលេខ ៦",
        address_en="National Road 6",
    )
    office_hours(hall)
    create_facility(tree.village, "school")
    person = create_person("dara", language="km")
    for reference in ("S-1", "S-2"):
        notify(person, "tests.case_updated", {"reference": reference, "status": APPROVED})
    document = issue(
        office=hall,
        holder=person,
        valid_until=timezone.localdate().replace(year=timezone.localdate().year + 1),
    )
    return tree, hall, document


@pytest.mark.parametrize("language", ["km", "en"])
def test_khmer_pages_show_khmer_digits_and_each_page_describes_itself(page, world, language):
    tree, hall, document = world
    public = [
        "/",
        "/place/",
        f"/place/{tree.commune.code}/",
        f"/place/{tree.province.code}/",
        "/facilities/",
        f"/facilities/{hall.code}/",
        "/news/",
        "/verify/",
        f"/verify/{document.code}/",
        "/account/sign-in/",
    ]
    private = [
        "/account/",
        "/account/profile/",
        "/account/profile/change/",
        "/notifications/",
        "/notifications/settings/",
        "/notifications/subscriptions/",
    ]
    found = {}
    descriptions = set()
    for path in public:
        page.goto(f"/{language}{path}")
        found[path] = wrong_digits(page, language) + head_problems(page, path)
        descriptions.add(page.locator("head meta[name=description]").first.get_attribute("content"))
    sign_in(page, "dara", PASSWORD, language=language)
    for path in private:
        page.goto(f"/{language}{path}")
        found[path] = wrong_digits(page, language)
    page.goto(f"/{language}/notifications/")
    page.locator(".message-list__title a").first.click()
    found["a message"] = wrong_digits(page, language)
    assert len(descriptions) >= 7  # pages with a summary describe themselves
    wrong = {path: texts for path, texts in found.items() if texts}
    assert not wrong, "\n".join(f"{path}: {texts}" for path, texts in wrong.items())
