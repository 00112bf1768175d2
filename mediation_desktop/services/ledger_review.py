"""After a ledger import: the review list of old open cases, and undoing the last import.

Review (历史在办案件，请核实): an open ledger row long past its term is held off the deadline lists
(core.ledger_history). From the list the mediator closes such cases with an outcome, several at
once, or keeps them open, and then they are normal cases with normal deadlines.

Undo: the newest import's cases are removed, exactly those, as long as none of them has changed
since, gained a document, attachment or remark, or been sent to a peer; otherwise nothing changes
and the refusal names the cases. Each action is one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mediation_desktop.core.clock import today as clock_today
from mediation_desktop.core.enums import OUTCOME_LABELS, Outcome, Status
from mediation_desktop.core.errors import NotFoundError, UserError, ValidationError
from mediation_desktop.core.ledger_history import REVIEW_TITLE, inferred_close_date
from mediation_desktop.core.lifecycle import check_action_date
from mediation_desktop.core.model import Case
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.permissions import require_backend

MAX_NAMED = 20  # a refusal names at most this many cases, then "等N件"


@dataclass(frozen=True)
class ReviewItem:
    case_id: str
    case_no: str
    ledger_no: str | None
    received_on: date
    accepted_on: date | None
    applicant_names: str
    respondent_name: str
    mediator: str | None

    def as_json(self) -> dict:
        return {"id": self.case_id, "case_no": self.case_no, "ledger_no": self.ledger_no,
                "received_on": self.received_on.isoformat(),
                "accepted_on": self.accepted_on.isoformat() if self.accepted_on else None,
                "applicant_names": self.applicant_names, "respondent_name": self.respondent_name,
                "mediator": self.mediator}


def review_list(backend: Backend, limit: int | None = None) -> list[ReviewItem]:
    from mediation_desktop.storage import ledger_repo

    require_backend(backend, "case.read")
    with backend.db.read() as conn:
        rows = ledger_repo.review_rows(conn, limit)
    return [ReviewItem(r.id, r.case_no, r.ledger_no, r.received_on, r.accepted_on, r.applicant_names,
                       r.respondent_name, r.mediator) for r in rows]


def review_count(backend: Backend) -> int:
    from mediation_desktop.storage import ledger_repo

    with backend.db.read() as conn:
        return ledger_repo.review_count(conn)


def parse_outcome(text: str) -> Outcome:
    """An outcome as the ledger or the command line writes it: 调解成功, 和解, agreement, ..."""
    from mediation_desktop.services.ledger_values import CellError, OutcomeReader

    try:
        found = OutcomeReader()((text or "").strip()[:32])
    except CellError:
        found = None
    if found is None:
        choices = "、".join(OUTCOME_LABELS[o] for o in Outcome)
        raise ValidationError("E_REVIEW_OUTCOME", f"结案结果“{(text or '').strip()[:32]}”无法识别，可填：{choices}",
                              field="outcome")
    return found


def close_reviewed(backend: Backend, case_nos: list[str], outcome: Outcome, on: date | None = None) -> list[str]:
    """Close old open cases from the review list with ``outcome``: on ``on``, or (not given) on the
    latest date of the ledger row, marked as inferred. All of them or none."""
    if on is not None:
        check_action_date(on, clock_today(), field="on", what="结案日期")

    def change(case: Case) -> None:
        starts = [case.received_on, case.accepted_on]
        if on is not None and any(d is not None and on < d for d in starts):
            raise ValidationError("E_REVIEW_DATE", f"结案日期 {on.isoformat()} 早于案件 {case.case_no} 的收案或受理日期",
                                  field="on")
        closed = inferred_close_date(on, starts, clock_today())
        case.status = Status.CLOSED
        case.outcome = outcome
        case.closed_on = case.concluded_on = closed.day
        case.historical = True
        case.closed_on_inferred = closed.inferred
        case.review_pending = False

    return _apply(backend, case_nos, "ledger_review_close", change,
                  {"outcome": str(outcome), "on": on.isoformat() if on else None})


def keep_reviewed(backend: Backend, case_nos: list[str]) -> list[str]:
    """Keep old open cases open: they leave the review list and their deadlines count again."""
    def change(case: Case) -> None:
        case.review_pending = False

    return _apply(backend, case_nos, "ledger_review_keep", change, {})


def _apply(backend: Backend, case_nos: list[str], action: str, change, detail: dict) -> list[str]:
    from mediation_desktop.services.cases import CaseService
    from mediation_desktop.storage import cases_repo

    require_backend(backend, "ledger.import")
    wanted = list(dict.fromkeys(n.strip() for n in case_nos if n and n.strip()))
    if not wanted:
        raise ValidationError("E_REVIEW_EMPTY", "请至少选择一件待核实的案件", field="cases")
    service = CaseService(backend)
    with backend.db.write() as conn:
        loaded: list[Case] = []
        for ref in wanted:
            case_id = cases_repo.find_case_id(conn, ref[:64])
            if case_id is None:
                raise NotFoundError("E_CASE_NOT_FOUND", f"找不到案件“{ref[:64]}”")
            loaded.extend(cases_repo.load_cases(conn, [case_id]))
        not_pending = [c.case_no for c in loaded if not c.review_pending]
        if not_pending:
            raise UserError("E_REVIEW_NOT_PENDING", f"以下案件不在“{REVIEW_TITLE}”列表中：{_named(not_pending)}；"
                            "没有任何案件被修改")
        for case in loaded:
            change(case)
            service._save(conn, case, action, detail)
    return [c.case_no for c in loaded]


def _named(case_nos: list[str]) -> str:
    shown = "、".join(case_nos[:MAX_NAMED])
    return shown + (f"等{len(case_nos)}件" if len(case_nos) > MAX_NAMED else "")


# -- undo the last import ------------------------------------------------------------------------

def last_import(backend: Backend) -> dict | None:
    """The import ``ledger undo`` would remove: id, file, when, by whom, how many cases."""
    from mediation_desktop.storage import ledger_repo

    with backend.db.read() as conn:
        row = ledger_repo.last_batch(conn)
    if row is None:
        return None
    return {"batch": row.id, "file": row.file_name, "imported_at": row.imported_at, "imported_by": row.imported_by,
            "cases": row.cases}


def undo_last_import(backend: Backend) -> dict:
    """Remove exactly the cases of the newest import, or refuse naming those that changed or
    were synced. The removal leaves tombstones like any deletion, so it travels if it must."""
    from mediation_desktop.storage import ledger_repo, sync_repo
    from mediation_desktop.storage.outbox import audit, record_changes

    require_backend(backend, "ledger.import")
    node_id = backend.node.node_id
    with backend.db.write() as conn:
        batch = ledger_repo.last_batch(conn)
        if batch is None:
            raise UserError("E_UNDO_NOTHING", "没有可以撤销的台账导入")
        rows = ledger_repo.batch_cases(conn, batch.id)
        ids = [r.id for r in rows]
        sent = ledger_repo.case_ids_sent(conn, node_id, batch.seq_from, batch.seq_to)
        touched = ledger_repo.case_ids_with_records(conn, ids)
        changed = [r.case_no for r in rows if r.version != 1 or r.id in touched or r.origin_node != node_id]
        synced = [r.case_no for r in rows if r.id in sent]
        if changed or synced:
            parts = []
            if changed:
                parts.append(f"导入后已修改的案件：{_named(changed)}")
            if synced:
                parts.append(f"已同步给区人社的案件：{_named(synced)}")
            raise UserError("E_UNDO_REFUSED", f"不能撤销“{batch.file_name}”的导入（{'；'.join(parts)}）；没有任何案件被删除")
        sync_repo.delete_cases(conn, ids)
        from mediation_desktop.core.clock import now_iso

        at = now_iso()
        sync_repo.add_tombstones(conn, [{"entity": "case", "id": i, "deleted_at": at, "deleted_by": backend.user,
                                         "origin_node": node_id} for i in ids])
        record_changes(conn, "case", ids, op="delete")
        ledger_repo.mark_undone(conn, batch.id)
        audit(conn, backend.user, "ledger_undo", None, None,
              {"batch": batch.id, "file": batch.file_name, "cases": len(ids)})
    return {"batch": batch.id, "file": batch.file_name, "removed": len(ids), "case_nos": [r.case_no for r in rows]}
