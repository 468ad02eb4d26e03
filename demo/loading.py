"""The order in which the demo data is loaded, one step per app that contributes some.

Each step loads its part idempotently (a second run changes nothing) and returns the line
`load_demo_data` prints about it. A new app adds its module to this package (`demo/<app>.py`
with a `load_demo()` whose result has `summary()`) and one step below, after the steps
whose data it needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from demo.accounts import load_demo_accounts
from demo.cases import load_demo_cases
from demo.content import load_demo_content
from demo.documents import load_demo as load_demo_documents
from demo.forums import load_demo as load_demo_forums
from demo.health import load_demo as load_demo_health
from demo.learning import load_demo as load_demo_learning
from demo.markets import load_demo as load_demo_markets
from demo.news import load_demo as load_demo_news
from demo.notifications import load_demo_notifications
from demo.officers import load_demo_officers
from demo.payments import load_demo as load_demo_payments
from demo.places import load_demo_places
from demo.reports import load_demo as load_demo_reports
from demo.services import load_demo as load_demo_services


@dataclass(frozen=True)
class Step:
    name: str
    load: Callable[[], str]


def _accounts() -> str:
    created, existing = load_demo_accounts()
    return f"Demo accounts: {created} created, {existing} already there."


def _places() -> str:
    places = load_demo_places()
    return (
        f"Demo offices and facilities: {places.created} created, "
        f"{places.existing} already there; {places.holidays} public holidays added."
    )


def _officers() -> str:
    officers = load_demo_officers()
    return (
        f"Demo officers: {officers.roles} office roles and {officers.second_factors} "
        f"second factors set up; {officers.organisations} demo businesses added."
    )


STEPS: list[Step] = [
    Step("accounts", _accounts),
    Step("places", _places),
    Step("officers", _officers),
    Step("content", lambda: load_demo_content().summary()),
    Step("notifications", lambda: load_demo_notifications().summary()),
    Step("services", lambda: load_demo_services().summary()),
    Step("news", lambda: load_demo_news().summary()),
    Step("documents", lambda: load_demo_documents().summary()),
    Step("cases", lambda: load_demo_cases().summary()),
    Step("payments", lambda: load_demo_payments().summary()),
    Step("health", lambda: load_demo_health().summary()),
    Step("forums", lambda: load_demo_forums().summary()),
    Step("reports", lambda: load_demo_reports().summary()),
    Step("learning", lambda: load_demo_learning().summary()),
    Step("markets", lambda: load_demo_markets().summary()),
]
