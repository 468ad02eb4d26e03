"""Browser tests: headless Chromium through Playwright against pytest-django's live server.

A pytest plugin (registered in the root conftest.py) with these fixtures:

- `browser`: one Chromium per test process (per xdist worker), kept off the network;
- `page`: a fresh browser context and page for one test, whose `base_url` is the live
  server, so `page.goto("/km/")` works; console errors, uncaught exceptions, CSP violations
  and every requested URL are recorded (`page_log(page)`);
- `new_page(**context_options)`: more pages, e.g. `new_page(java_script_enabled=False)`.

and the checks every issue uses on its pages: `assert_no_axe_violations`,
`assert_page_budget` / `measure_page_weight`, `assert_no_csp_violations`,
`assert_no_console_errors`, plus `save_screenshots` and `sign_in`.

The live server runs in a thread of the test process with a transactional database that is
put back to what the migrations left after each test (serialized rollback), so Wagtail's
root page, default site and locale are there. Playwright's sync API keeps an asyncio loop
running in the main thread, so the `browser` fixture sets DJANGO_ALLOW_ASYNC_UNSAFE: the
ORM may be used from the test itself (the database work is still synchronous).
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from weakref import WeakKeyDictionary

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError

REPO_ROOT = Path(__file__).resolve().parents[2]
RESULTS_DIR = REPO_ROOT / "test-results"
SCREENSHOT_DIR = RESULTS_DIR / "screenshots"
FAILURE_DIR = RESULTS_DIR / "failures"

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
)
# Everything but loopback goes to a proxy that is not there: a page that links to a CDN
# fails fast and visibly (the request is still recorded) instead of reaching the internet.
OFFLINE_FLAGS = (
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=localhost;127.0.0.1;[::1]",
)
DEFAULT_TIMEOUT_MS = 15_000

# DESIGN.md: a public page, fonts included, under 100 KB transferred.
PAGE_BUDGET_BYTES = 100_000


@dataclass(frozen=True)
class Viewport:
    name: str
    width: int
    height: int


PHONE = Viewport("phone", 390, 844)
DESKTOP = Viewport("desktop", 1280, 800)


# --- Launching Chromium -------------------------------------------------------------


def chromium_executable() -> str:
    """Return the Chromium to drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium."""
    path = os.environ.get("CHROMIUM_PATH") or DEFAULT_CHROMIUM
    if not os.access(path, os.X_OK):
        pytest.fail(
            f"No Chromium at {path}. Install Debian's (apt-get install chromium) or set "
            "CHROMIUM_PATH to a Chromium or Chrome binary.",
            pytrace=False,
        )
    return path


def launch_chromium(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(
        executable_path=chromium_executable(),
        headless=True,
        args=[*CHROMIUM_FLAGS, *OFFLINE_FLAGS],
    )


# --- What a page did: console, errors, CSP, requests --------------------------------

# Chromium reports a CSP violation on the console (also with JavaScript off) as, e.g.,
# "Refused to load the stylesheet … because it violates the following Content Security
# Policy directive" or "Executing inline script violates the following Content Security…".
CSP_CONSOLE_PATTERN = re.compile(r"Content Security Policy", re.IGNORECASE)

# Structured reports from the page itself; this script is injected through DevTools, so the
# page's own policy does not block it.
CSP_LISTENER_SCRIPT = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__salaReportCsp(
    `${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"}` +
    ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}` +
    (event.sample ? ` sample: ${event.sample}` : "")
  );
});
"""


@dataclass
class PageLog:
    """Everything worth asserting about that happened in one page since it opened."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    requested_urls: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    javascript_enabled: bool = True

    def on_console(self, message: ConsoleMessage) -> None:
        location = message.location or {}
        where = f" ({location.get('url', '')}:{location.get('lineNumber', '')})"
        text = message.text + (where if location.get("url") else "")
        if CSP_CONSOLE_PATTERN.search(message.text):
            self.csp_violations.append(f"console: {text}")
        elif message.type == "error":
            self.console_errors.append(text)

    def other_origins(self, own_origin: str) -> list[str]:
        origins = {origin_of(url) for url in self.requested_urls}
        return sorted(o for o in origins if o and o != own_origin)


_page_logs: WeakKeyDictionary[Page, PageLog] = WeakKeyDictionary()


def watch_context(context: BrowserContext) -> None:
    """Route the pages' CSP violation events back to their PageLog."""

    def report(source: Any, text: str) -> None:
        log = _page_logs.get(source["page"])
        if log is not None:
            log.csp_violations.append(f"event: {text}")

    context.expose_binding("__salaReportCsp", report)
    context.add_init_script(CSP_LISTENER_SCRIPT)


def watch_page(page: Page, *, javascript_enabled: bool = True) -> PageLog:
    log = PageLog(javascript_enabled=javascript_enabled)
    _page_logs[page] = log
    page.on("console", log.on_console)
    page.on("pageerror", lambda error: log.page_errors.append(str(error)))
    page.on("request", lambda request: log.requested_urls.append(request.url))
    page.on(
        "requestfailed",
        lambda request: log.failed_requests.append(f"{request.url}: {request.failure}"),
    )
    return log


def page_log(page: Page) -> PageLog:
    """Return what the harness recorded for `page` (it must come from `page`/`new_page`)."""
    try:
        return _page_logs[page]
    except KeyError:
        raise AssertionError(
            "This page was not opened through the harness's `page` or `new_page` fixture."
        ) from None


def assert_no_csp_violations(page: Page) -> None:
    violations = page_log(page).csp_violations
    if violations:
        raise AssertionError(
            f"{len(violations)} Content Security Policy violation(s):\n"
            + "\n".join(f"  - {v}" for v in violations)
        )


def assert_no_console_errors(page: Page, allow: Iterable[str] = ()) -> None:
    """Fail on console errors and uncaught exceptions; `allow` holds regexes to ignore."""
    allowed = [re.compile(pattern) for pattern in allow]
    log = page_log(page)
    errors = [
        e for e in log.console_errors + log.page_errors if not any(p.search(e) for p in allowed)
    ]
    if errors:
        raise AssertionError(
            f"{len(errors)} console error(s):\n" + "\n".join(f"  - {e}" for e in errors)
        )


# --- Accessibility: axe-core ----------------------------------------------------------

AXE_RUN = "([context, options]) => axe.run(context || document, options)"


def run_axe(page: Page, context: Any = None, options: Mapping[str, Any] | None = None) -> dict:
    """Run axe-core (vendored by axe-playwright-python) on the page; return its results.

    axe is JavaScript: with JavaScript off, page.evaluate() would wait forever, so check
    the same page in a context with JavaScript on.
    """
    log = _page_logs.get(page)
    if log is not None and not log.javascript_enabled:
        raise ValueError("axe-core cannot run in a page with JavaScript off; use `page`.")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    return page.evaluate(AXE_RUN, [context, {"resultTypes": ["violations"], **(options or {})}])


def format_axe_violations(results: dict) -> str:
    violations = results["violations"]
    lines = [
        f"{len(violations)} accessibility violation(s) found by axe-core "
        f"{results.get('testEngine', {}).get('version', '')} on {results.get('url')}:"
    ]
    for violation in violations:
        lines.append("")
        lines.append(f"{violation['id']} [{violation['impact']}]: {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"  - {target}")
            summary = node.get("failureSummary") or ""
            for detail in summary.splitlines():
                lines.append(f"      {detail.strip()}")
    return "\n".join(lines)


def assert_no_axe_violations(
    page: Page,
    *,
    context: Any = None,
    disable_rules: Mapping[str, str] | None = None,
) -> dict:
    """Fail on any axe-core violation (every rule axe enables by default, WCAG and best
    practice) on the page as it is now. Return the results.

    `context` narrows the check (axe's context: a selector or {"include", "exclude"}).
    `disable_rules` maps a rule id to the reason it cannot hold on this page; the reason is
    required so that the exception is reviewed like code.
    """
    options: dict[str, Any] = {}
    if disable_rules:
        missing = [rule for rule, reason in disable_rules.items() if not reason.strip()]
        if missing:
            raise ValueError(f"Give a reason for disabling the axe rule(s) {missing}")
        options["rules"] = {rule: {"enabled": False} for rule in disable_rules}
    results = run_axe(page, context, options)
    if results["violations"]:
        raise AssertionError(format_axe_violations(results))
    return results


# --- Weight and origins ---------------------------------------------------------------


def origin_of(url: str) -> str:
    """Return scheme://host[:port] for http(s) and ws(s) URLs; '' for data:, blob: and such."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "ws", "wss"):
        return ""
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class Resource:
    url: str
    resource_type: str = ""
    status: int | None = None
    bytes: int = 0
    finished: bool = False
    error: str = ""

    @property
    def origin(self) -> str:
        return origin_of(self.url)


@dataclass
class PageWeight:
    """What loading one page cost: bytes on the wire per resource and the origins contacted.

    Bytes are Chromium's `encodedDataLength`: headers plus body as received. The test server
    does not compress, so this is the uncompressed weight, stricter than production, where
    text is served gzip/brotli-compressed.
    """

    url: str
    own_origin: str
    resources: list[Resource]

    @property
    def total_bytes(self) -> int:
        return sum(r.bytes for r in self.resources)

    @property
    def origins(self) -> list[str]:
        return sorted({r.origin for r in self.resources if r.origin})

    @property
    def other_origins(self) -> list[str]:
        return [o for o in self.origins if o != self.own_origin]

    def report(self) -> str:
        lines = [f"{self.url}: {self.total_bytes:,} bytes in {len(self.resources)} requests"]
        for r in sorted(self.resources, key=lambda r: -r.bytes):
            state = r.error or (str(r.status) if r.finished else "unfinished")
            lines.append(f"  {r.bytes:>9,}  {r.resource_type:<11} {state:<10} {r.url}")
        return "\n".join(lines)


class _NetworkRecorder:
    """Collects Network.* events from a DevTools session into Resources."""

    def __init__(self) -> None:
        self.resources: dict[str, Resource] = {}

    def will_be_sent(self, event: dict) -> None:
        resource = self.resources.get(event["requestId"])
        redirect = event.get("redirectResponse")
        if resource is not None and redirect:
            # The same request id follows the redirect; keep the hop as its own entry.
            resource.status = redirect.get("status")
            resource.bytes = int(redirect.get("encodedDataLength") or 0)
            resource.finished = True
            self.resources[f"{event['requestId']}:{len(self.resources)}"] = resource
        self.resources[event["requestId"]] = Resource(
            url=event["request"]["url"], resource_type=event.get("type", "")
        )

    def response_received(self, event: dict) -> None:
        resource = self.resources.get(event["requestId"])
        if resource is not None:
            resource.status = event["response"].get("status")
            resource.resource_type = event.get("type", resource.resource_type)

    def loading_finished(self, event: dict) -> None:
        resource = self.resources.get(event["requestId"])
        if resource is not None:
            resource.bytes = int(event.get("encodedDataLength") or 0)
            resource.finished = True

    def loading_failed(self, event: dict) -> None:
        resource = self.resources.get(event["requestId"])
        if resource is not None:
            resource.finished = True
            resource.error = event.get("blockedReason") or event.get("errorText") or "failed"

    def pending(self) -> list[Resource]:
        return [r for r in self.resources.values() if not r.finished and r.origin]


def _wait_until_quiet(page: Page, recorder: _NetworkRecorder, timeout_ms: int) -> None:
    """Wait until no request has been pending for a short while (or the timeout passes).

    Playwright's "networkidle" wants 500 ms of silence and, on a loaded CI machine, can
    miss it for longer than its own timeout; the recorder knows exactly what is in flight.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    quiet_since = None
    while time.monotonic() < deadline:
        if recorder.pending():
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= 0.3:
            return
        page.wait_for_timeout(50)


def measure_page_weight(page: Page, url: str, *, settle_timeout_ms: int = 5_000) -> PageWeight:
    """Load `url` in `page` with the cache off; return every byte transferred and where from.

    Counts the document and everything it pulls in until the network is idle: styles,
    scripts, fonts, images, and the favicon the browser asks for on its own.
    """
    recorder = _NetworkRecorder()
    session = page.context.new_cdp_session(page)
    try:
        session.on("Network.requestWillBeSent", recorder.will_be_sent)
        session.on("Network.responseReceived", recorder.response_received)
        session.on("Network.loadingFinished", recorder.loading_finished)
        session.on("Network.loadingFailed", recorder.loading_failed)
        session.send("Network.enable")
        session.send("Network.setCacheDisabled", {"cacheDisabled": True})
        response = page.goto(url, wait_until="load")
        _wait_until_quiet(page, recorder, settle_timeout_ms)
        session.send("Network.setCacheDisabled", {"cacheDisabled": False})
    finally:
        session.detach()
    final_url = response.url if response is not None else page.url
    resources = [r for r in recorder.resources.values() if r.origin]
    return PageWeight(url=final_url, own_origin=origin_of(final_url), resources=resources)


def assert_page_budget(page: Page, url: str, max_bytes: int = PAGE_BUDGET_BYTES) -> PageWeight:
    """Fail when `url` with all its assets weighs more than `max_bytes` (uncompressed, see
    PageWeight) or when loading it contacts any origin but the portal's own."""
    weight = measure_page_weight(page, url)
    problems = []
    if weight.total_bytes > max_bytes:
        problems.append(f"{weight.total_bytes:,} bytes transferred; the budget is {max_bytes:,}")
    if weight.other_origins:
        problems.append(f"requests left {weight.own_origin} for: {', '.join(weight.other_origins)}")
    if problems:
        raise AssertionError("; ".join(problems) + "\n" + weight.report())
    return weight


# --- Screenshots and signing in -------------------------------------------------------


def safe_filename(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")[:150] or "page"


def save_screenshots(
    page: Page, name: str, viewports: Iterable[Viewport] = (PHONE, DESKTOP)
) -> list[Path]:
    """Save full-page screenshots at phone (390 px) and desktop (1280 px) widths into
    test-results/screenshots/<name>-<viewport>.png; return their paths."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    original = page.viewport_size
    paths = []
    try:
        for viewport in viewports:
            page.set_viewport_size({"width": viewport.width, "height": viewport.height})
            path = SCREENSHOT_DIR / f"{safe_filename(name)}-{viewport.name}.png"
            page.screenshot(path=path, full_page=True)
            paths.append(path)
    finally:
        if original:
            page.set_viewport_size(original)
    return paths


def sign_in(page: Page, username: str, password: str, *, language: str = "km") -> None:
    """Sign in through the portal's own sign-in form, as a person would.

    The user needs a verified email address, and staff need two-step verification: for
    tests about something else than signing in, use `sign_in_as`.
    """
    page.goto(f"/{language}/account/sign-in/")
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=login]").fill(username)
    form.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    if "/account/sign-in/" in page.url:
        raise AssertionError(f"Signing in as {username!r} failed; still on {page.url}")


def sign_in_as(page: Page, user, live_server_url: str) -> None:
    """Give the browser a signed-in session for `user` without the sign-in form.

    Signing in itself is tested in accounts; this is for journeys that start signed in.
    """
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server_url}])


# --- Fixtures -------------------------------------------------------------------------

_reports_key = pytest.StashKey[dict[str, pytest.TestReport]]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    item.stash.setdefault(_reports_key, {})[report.when] = report
    return report


def _test_failed(item: pytest.Item) -> bool:
    reports = item.stash.get(_reports_key, {})
    return any(report.failed for report in reports.values())


def pytest_sessionstart(session: pytest.Session) -> None:
    # Failure screenshots describe the last run only (xdist workers leave this to the
    # controller, which starts first).
    if not hasattr(session.config, "workerinput"):
        shutil.rmtree(FAILURE_DIR, ignore_errors=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for this test process."""
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(
    request: pytest.FixtureRequest,
    browser: Browser,
    live_server: Any,
    django_db_serialized_rollback: None,
) -> Iterator[Callable[..., Page]]:
    """Return a function that opens a page in a new browser context on the live server.

    Keyword arguments go to `browser.new_context` (`java_script_enabled=False`,
    `viewport=...`, `locale=...`). On failure each page's screenshot goes to
    test-results/failures/.
    """
    contexts: list[BrowserContext] = []

    def open_page(**context_options: Any) -> Page:
        options = {
            "base_url": live_server.url,
            "viewport": {"width": DESKTOP.width, "height": DESKTOP.height},
            **context_options,
        }
        context = browser.new_context(**options)
        contexts.append(context)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        watch_context(context)
        page = context.new_page()
        watch_page(page, javascript_enabled=options.get("java_script_enabled", True))
        return page

    yield open_page

    if _test_failed(request.node):
        FAILURE_DIR.mkdir(parents=True, exist_ok=True)
        for number, context in enumerate(contexts):
            for page_number, open_one in enumerate(context.pages):
                name = safe_filename(f"{request.node.nodeid}-{number}-{page_number}")
                try:
                    open_one.screenshot(path=FAILURE_DIR / f"{name}.png", full_page=True)
                except PlaywrightError:
                    pass  # a crashed page has nothing to show; the failure says why
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    """A page with JavaScript on, 1280x800, whose relative URLs go to the live server."""
    return new_page()
