"""What the cases app plugs into the apps below it (called from `CasesConfig.ready`).

- `services` calls `cases.opening.do_open_case` when an application is submitted, inside
  the submitting transaction (`services.submitting.register_submission_handler`).
- `documents` lets the officers of a case's current office have the documents issued for
  the case (`documents.handling.register_handling_office`).
"""

from __future__ import annotations

from cases.models import Case
from cases.opening import do_open_case
from documents.handling import register_handling_office
from services.submitting import register_submission_handler


def office_of_case(case: Case):
    return case.office


def register_hooks() -> None:
    register_submission_handler(do_open_case)
    register_handling_office(Case, office_of_case)
