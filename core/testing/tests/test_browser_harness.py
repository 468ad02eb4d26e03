"""The browser checks fail when they should: each is shown a page that breaks its rule."""

from __future__ import annotations

import pytest

from core.testing import (
    assert_no_axe_violations,
    assert_no_console_errors,
    assert_no_csp_violations,
    assert_page_budget,
    measure_page_weight,
    page_log,
)

pytestmark = pytest.mark.browser

STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'"
SHELL = (
    '<!doctype html><html lang="en"><head><title>t</title>{head}</head>'
    "<body><main><h1>t</h1>{body}</main></body></html>"
)


@pytest.fixture
def serve(page, live_server):
    """Answer `path` on the live server's origin with `html`, sent with a strict CSP."""

    def serve_html(path: str, html: str, csp: str = STRICT_CSP) -> str:
        page.route(
            f"{live_server.url}{path}",
            lambda route: route.fulfill(
                status=200,
                content_type="text/html; charset=utf-8",
                headers={"Content-Security-Policy": csp},
                body=html,
            ),
        )
        return path

    return serve_html


def test_a_request_to_another_origin_fails_the_budget_and_never_leaves_the_machine(page, serve):
    url = serve(
        "/harness/cdn/",
        SHELL.format(head='<link rel="stylesheet" href="https://cdn.example.com/x.css">', body=""),
    )
    weight = measure_page_weight(page, url)
    assert weight.other_origins == ["https://cdn.example.com"]
    outside = next(r for r in weight.resources if r.origin == "https://cdn.example.com")
    assert outside.error  # the browser is offline: the proxy it is given does not exist
    with pytest.raises(AssertionError, match=r"requests left .* for: https://cdn\.example\.com"):
        assert_page_budget(page, url)


def test_a_heavy_page_fails_the_budget(page, serve):
    url = serve("/harness/heavy/", SHELL.format(head="", body="<p>" + "x" * 120_000 + "</p>"))
    with pytest.raises(AssertionError, match=r"bytes transferred; the budget is 100,000"):
        assert_page_budget(page, url)
    assert assert_page_budget(page, url, max_bytes=200_000).total_bytes > 120_000


def test_an_inline_script_is_reported_as_a_csp_violation(page, serve):
    page.goto(serve("/harness/inline/", SHELL.format(head="", body="<script>1</script>")))
    reports = page_log(page).csp_violations
    assert any(r.startswith("event: script-src-elem blocked inline") for r in reports), reports
    assert any(r.startswith("console: Executing inline script violates") for r in reports)
    with pytest.raises(AssertionError, match="Content Security Policy violation"):
        assert_no_csp_violations(page)


def test_console_errors_are_collected(page, serve):
    page.goto(
        serve(
            "/harness/error/",
            SHELL.format(head="", body="<script>console.error('boom')</script>"),
            csp="default-src 'self'; script-src 'unsafe-inline'",
        )
    )
    with pytest.raises(AssertionError, match="boom"):
        assert_no_console_errors(page)
    assert_no_console_errors(page, allow=["boom"])


def test_axe_names_the_rule_and_the_element(page, serve):
    page.goto(serve("/harness/axe/", SHELL.format(head="", body='<img src="/x.png" id="bad">')))
    with pytest.raises(AssertionError) as failure:
        assert_no_axe_violations(page)
    assert "image-alt [critical]" in str(failure.value)
    assert "#bad" in str(failure.value)
    assert_no_axe_violations(page, disable_rules={"image-alt": "shown on purpose"})


def test_a_csp_violation_is_reported_with_javascript_off(new_page, live_server):
    page = new_page(java_script_enabled=False)
    page.route(
        f"{live_server.url}/harness/style/",
        lambda route: route.fulfill(
            content_type="text/html; charset=utf-8",
            headers={"Content-Security-Policy": STRICT_CSP},
            body=SHELL.format(head="", body='<p style="color: red">red</p>'),
        ),
    )
    page.goto("/harness/style/")
    with pytest.raises(AssertionError, match="style"):
        assert_no_csp_violations(page)
    with pytest.raises(ValueError, match="JavaScript off"):
        assert_no_axe_violations(page)  # it would hang: axe needs JavaScript
