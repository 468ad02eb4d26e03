"""The quality harness every issue's tests use: real browser, axe-core, page weight.

`core.testing.browser` is a pytest plugin (registered in the root conftest.py) giving the
`browser`, `page` and `new_page` fixtures and the checks; `core.testing.network` keeps the
suite off the network. Import the checks from here:

    from core.testing import assert_no_axe_violations, assert_page_budget
"""

from __future__ import annotations

from core.testing.browser import (
    DESKTOP,
    PAGE_BUDGET_BYTES,
    PHONE,
    PageLog,
    PageWeight,
    Viewport,
    assert_no_axe_violations,
    assert_no_console_errors,
    assert_no_csp_violations,
    assert_page_budget,
    measure_page_weight,
    page_log,
    run_axe,
    save_screenshots,
    sign_in,
    sign_in_as,
)
from core.testing.network import InternetBlockedError

__all__ = [
    "DESKTOP",
    "PAGE_BUDGET_BYTES",
    "PHONE",
    "InternetBlockedError",
    "PageLog",
    "PageWeight",
    "Viewport",
    "assert_no_axe_violations",
    "assert_no_console_errors",
    "assert_no_csp_violations",
    "assert_page_budget",
    "measure_page_weight",
    "page_log",
    "run_axe",
    "save_screenshots",
    "sign_in",
    "sign_in_as",
]
