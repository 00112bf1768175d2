"""Collective disputes (调解仲裁法 第7条: 10 or more workers with a common claim) are brought by
representatives the workers elect; the form asks for them and the documents print them."""

from __future__ import annotations

from mediation_desktop.core.enums import COLLECTIVE_THRESHOLD
from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.model import Case

# An old ledger has no column for the representatives, so its collective rows import with this
# warning rather than being refused: the case is on record, and the mediator names them on the case.
LEDGER_WARNING = "集体争议（{workers}人）：台账中没有劳动者推举的代表人，该行照常导入，导入后请在案件中补充代表人"


def lacks_representative(case: Case) -> bool:
    """A collective case (10 or more workers) that names no representative among its applicants."""
    return case.collective and not any(a.is_representative for a in case.applicants)


def representative_problem(case: Case) -> ValidationError | None:
    """``E_REPRESENTATIVE_REQUIRED`` when a collective case names no representative among its
    applicants; None otherwise (a case of fewer workers needs none and is not given one). Every way
    a case is registered or edited asks this (services.cases.validate_case)."""
    if not lacks_representative(case):
        return None
    return ValidationError(
        "E_REPRESENTATIVE_REQUIRED",
        f"集体争议（涉及{case.workers_involved}人，{COLLECTIVE_THRESHOLD}人以上）由劳动者推举的代表人参加调解，"
        "请在申请人中勾选代表人", field="applicants")
