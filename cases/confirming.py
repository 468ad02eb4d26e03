"""Which actions ask "Are you sure?" first, and what that page says.

A transition that decides the case or ends it (its target is a decision or a final state:
approve, reject, issue, revoke, close, withdraw) is taken only from a confirmation page,
which works without JavaScript; the page repeats the reason the officer wrote.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from cases.workflow import DECISION_STATES, FINAL_STATES, Transition

# The field a confirmation page posts back, so the action is then taken.
CONFIRMED = "confirmed"


@dataclass(frozen=True)
class Confirmation:
    question: str
    explanation: str
    warning: bool


def needs_confirmation(transition: Transition) -> bool:
    return transition.target in FINAL_STATES or transition.target in DECISION_STATES


def confirmation_for(transition: Transition) -> Confirmation:
    """Return what the confirmation page asks and explains for this transition."""
    known = {
        "approve": (
            _("Approve this application?"),
            _("The applicant will be told that the application is approved."),
            False,
        ),
        "reject": (
            _("Reject this application?"),
            _("The applicant will be told, with your reason. A rejected application cannot "
              "be opened again."),
            True,
        ),
        "issue_document": (
            _("Issue the document?"),
            _("The document is signed and sent to the applicant, and anyone can check it "
              "with its code."),
            False,
        ),
        "revoke_document": (
            _("Revoke the document?"),
            _("The document will show as revoked to anyone who checks it, from now on. "
              "This cannot be undone."),
            True,
        ),
        "close": (
            _("Close the case?"),
            _("The case leaves the open queue. This cannot be undone."),
            False,
        ),
        "withdraw": (
            _("Withdraw your application?"),
            _("The office will stop working on it. You cannot undo this: to apply again, "
              "you start a new application."),
            True,
        ),
    }  # fmt: skip
    if transition.key in known:
        return Confirmation(*known[transition.key])
    return Confirmation(
        _("%(action)s: are you sure?") % {"action": transition.label},
        _("This cannot be undone."),
        transition.target not in DECISION_STATES,
    )
