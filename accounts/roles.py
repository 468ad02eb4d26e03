"""The role matrix: what each office role may do. One table, read by the permission rules
of every app (`accounts.permissions.office_may`), the cases workflow's default roles, the
docs (docs/security.md, docs/operations.md) and a test per cell
(`cases/tests/test_role_matrix.py`).

A role here is an officer role (`accounts.Role.code`) held in an office; what it allows
applies to that office's objects only (a case whose current office it is, that case's
files and issued documents). Administrators (active superusers) may do everything, as
Django grants them every permission. Roles outside the matrix (market officer, clinician,
directory officer, moderator, finance officer, course editor, facilitator) do nothing here;
their own apps give them their rights.

Changing a cell changes what officers may do in every office: change the pinned copy in
the test and the tables in the docs in the same commit.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

READER = "reader"
CLERK = "clerk"
APPROVER = "approver"
HEAD = "head-of-office"
EDITOR = "editor"
COUNTER = "counter"

# The office roles the matrix speaks of, in the order the docs show them.
ROLES = (READER, CLERK, APPROVER, HEAD, EDITOR, COUNTER)

READ_CASE = "read_case"
READ_FILES = "read_files"
HANDLE_CASE = "handle_case"
WRITE_NOTE = "write_note"
MESSAGE_APPLICANT = "message_applicant"
ASSIGN = "assign"
REROUTE = "reroute"
DECIDE = "decide"
REVOKE = "revoke"
COUNTER_INTAKE = "counter_intake"
EDIT_CONTENT = "edit_content"
READ_AUDIT = "read_audit"

ACTION_LABELS = {
    READ_CASE: _("Read a case (the queue, the answers, the history)"),
    READ_FILES: _("Open a case's attachments and its issued document (PDF)"),
    HANDLE_CASE: _("Start the review, ask the applicant for information, close a case"),
    WRITE_NOTE: _("Write an internal note"),
    MESSAGE_APPLICANT: _("Send the applicant a message"),
    ASSIGN: _("Give a case to an officer of the office"),
    REROUTE: _("Send a case to another office it may go to"),
    DECIDE: _("Approve, reject, issue the document"),
    REVOKE: _("Revoke an issued document"),
    COUNTER_INTAKE: _("Take an application at the counter for a walk-in"),
    EDIT_CONTENT: _("Edit the institution's pages and news"),
    READ_AUDIT: _("Read the office's audit log"),
}
ACTIONS = tuple(ACTION_LABELS)

_CASE_WORKERS = frozenset({CLERK, APPROVER, HEAD})

MATRIX: dict[str, frozenset[str]] = {
    READ_CASE: frozenset({READER}) | _CASE_WORKERS,
    READ_FILES: frozenset({READER}) | _CASE_WORKERS,
    HANDLE_CASE: _CASE_WORKERS,
    WRITE_NOTE: _CASE_WORKERS,
    MESSAGE_APPLICANT: _CASE_WORKERS,
    ASSIGN: _CASE_WORKERS,
    REROUTE: _CASE_WORKERS,
    DECIDE: frozenset({APPROVER, HEAD}),
    REVOKE: frozenset({HEAD}),
    COUNTER_INTAKE: frozenset({COUNTER, CLERK}),
    EDIT_CONTENT: frozenset({EDITOR, APPROVER, HEAD}),
    READ_AUDIT: frozenset({READER}) | _CASE_WORKERS,
}


def roles_for(action: str) -> tuple[str, ...]:
    """Return the role codes that may take `action`, in the matrix's order."""
    allowed = MATRIX[action]
    return tuple(role for role in ROLES if role in allowed)


def may(role: str, action: str) -> bool:
    """Whether the role, held in an office, allows `action` on that office's objects."""
    return role in MATRIX[action]


def as_rows() -> list[tuple[str, list[bool]]]:
    """Return the matrix as rows (action label, one flag per role in `ROLES` order)."""
    return [(str(ACTION_LABELS[action]), [may(r, action) for r in ROLES]) for action in ACTIONS]
