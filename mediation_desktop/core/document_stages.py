"""Which documents a case's record permits: a document never contradicts the record.

A 不予受理通知书 for a case that was accepted, a 受理通知书 for a refused one, a 终止调解告知书 for a
case still being mediated or settled by agreement, a 延期调解确认书 without an agreed extension: each
would be a false statement on paper, so each is refused (``E_DOC_STAGE``) by every way of producing
documents (the ``doc`` command, the documents tab, batch generation).

Each kind has a list of conditions, checked in order; the first one that fails gives the reason.
The module also says what the document states as of its issue: the acceptance notice states the
original 15-day term even after an extension, and the extension confirmation carries the day the
parties agreed, not the day it was printed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from mediation_desktop.core.enums import Outcome, Stage
from mediation_desktop.core.errors import UserError
from mediation_desktop.core.model import Case

Condition = tuple[Callable[[Case], bool], str]


def _accepted(case: Case) -> bool:
    return case.accepted_on is not None


def _not_refused(case: Case) -> bool:
    return case.outcome != Outcome.NOT_ACCEPTED


_ACCEPTED: Condition = (_accepted, "本案尚未受理")
_NOT_REFUSED: Condition = (_not_refused, "本案已决定不予受理")

RULES: dict[str, tuple[Condition, ...]] = {
    # The application (or the record of an oral one) exists from the day the case was received.
    "application": (),
    "acceptance": (_NOT_REFUSED, _ACCEPTED),
    "rejection": (
        (lambda c: c.accepted_on is None, "本案已经受理，不能再出具不予受理通知书"),
        (lambda c: c.outcome == Outcome.NOT_ACCEPTED, "本案尚未作出不予受理的决定（请先记录不予受理及理由）"),
    ),
    "record": (
        (lambda c: bool(c.sessions), "本案还没有调解记录，请先登记一次调解"),
    ),
    "extension": (
        _NOT_REFUSED, _ACCEPTED,
        (lambda c: c.extended_until is not None, "本案没有记录经双方同意的延期"),
        (lambda c: c.stage == Stage.MEDIATING, "本案调解已经结束，不能再出具延期调解确认书"),
    ),
    "agreement": (
        (lambda c: c.agreement is not None and c.outcome == Outcome.AGREEMENT, "本案没有达成调解协议"),
    ),
    "termination": (
        _NOT_REFUSED, _ACCEPTED,
        (lambda c: c.outcome != Outcome.AGREEMENT and c.agreement is None, "本案已达成调解协议，不是终止调解"),
        (lambda c: c.outcome is not None, "本案仍在调解中，尚未终止调解"),
    ),
    # A receipt accompanies a document that is served: there is one once the case was accepted or
    # refused, or ended in some way.
    "service": (
        (lambda c: c.accepted_on is not None or c.outcome is not None, "本案尚未受理或作出其他决定，没有可送达的文书"),
    ),
}

DOCUMENT_KINDS = tuple(RULES)


def refusal(kind: str, case: Case) -> str | None:
    """Why ``kind`` cannot be produced for ``case`` now, or None when the record permits it."""
    for holds, reason in RULES[kind]:
        if not holds(case):
            return reason
    return None


def permitted(case: Case) -> dict[str, str | None]:
    """Every kind with its refusal reason (None: permitted), in the standard order."""
    return {kind: refusal(kind, case) for kind in DOCUMENT_KINDS}


def require_permitted(kind: str, case: Case, title: str | None = None) -> None:
    """Raise ``E_DOC_STAGE`` when the record does not permit the document."""
    reason = refusal(kind, case)
    if reason is not None:
        what = f"“{title}”" if title else "这份文书"
        raise UserError("E_DOC_STAGE", f"不能为案件 {case.case_no} 生成{what}：{reason}。文书必须与案件记录一致。")


def servable(case: Case) -> list[str]:
    """The documents a 送达回证 may serve: every other kind the record permits, in the standard order."""
    return [kind for kind in DOCUMENT_KINDS if kind != "service" and refusal(kind, case) is None]


def default_served(case: Case) -> str | None:
    """The document a receipt most likely accompanies, from how far the case has got (when the user
    does not name one)."""
    if case.agreement is not None:
        return "agreement"
    if case.outcome == Outcome.NOT_ACCEPTED:
        return "rejection"
    if case.outcome is not None:
        return "termination"
    if case.accepted_on is not None:
        return "acceptance"
    return None


def require_servable(serves: str, case: Case, titles: dict[str, str]) -> None:
    """Raise ``E_DOC_SERVES`` unless a receipt may serve ``serves`` (``titles``: kind -> 文书名称)."""
    if serves not in titles or serves == "service":
        raise UserError("E_DOC_SERVES", f"送达回证所送达的文书种类“{serves}”无效，可选："
                                        f"{'、'.join(k for k in titles if k != 'service')}")
    require_permitted(serves, case, titles[serves])


def as_issued(kind: str, case: Case) -> Case:
    """The case as the document states it. The acceptance notice tells the parties the term that
    ran from acceptance (15 days); a later extension is the subject of its own confirmation and
    must not rewrite the notice."""
    if kind == "acceptance" and case.extended_until is not None:
        return dataclasses.replace(case, extended_until=None, extension_agreed_on=None)
    return case


def issue_date(kind: str, case: Case, today: date) -> date:
    """The date the document carries: the extension confirmation is dated the day the parties agreed."""
    if kind == "extension" and case.extension_agreed_on is not None:
        return case.extension_agreed_on
    return today
