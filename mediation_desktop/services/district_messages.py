"""What passes between the district and a room besides cases: a room's answers to the district's
remarks and correction requests (they travel up), and the room's read state of the district's notices
(kept here only).

A correction request stays open until the room answers it; the answer is the room's own record
(``remark_answer``), sent up in the next package like the programme's registers, and closes the
request at both ends.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mediation_desktop.core.clock import now_iso
from mediation_desktop.core.errors import NotFoundError, UserError
from mediation_desktop.core.model import new_id
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.permissions import require_backend
from mediation_desktop.services.programme_common import required
from mediation_desktop.storage import Connection

MIN_PREFIX = 8   # the remark id as shown (its first 8 characters) is enough to name it


@dataclass(frozen=True)
class RemarkView:
    id: str
    case_id: str
    kind: str                      # remark | correction
    text: str
    author: str
    created_at: str
    answers: tuple[dict, ...] = field(default_factory=tuple)

    @property
    def open(self) -> bool:
        """A correction request waits for the room's answer; a plain remark needs none."""
        return self.kind == "correction" and not self.answers

    def as_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "text": self.text, "author": self.author,
                "created_at": self.created_at, "open": self.open,
                "answers": [{"text": a["text"], "author": a["author"], "created_at": a["created_at"]}
                            for a in self.answers]}


def _find_remark(conn: Connection, ref: str) -> dict:
    from mediation_desktop.storage import district_queries, sync_repo

    wanted = (ref or "").strip().lower()
    found = sync_repo.remarks_rows(conn, [wanted]).get(wanted) if len(wanted) == 36 else None
    if found is None and MIN_PREFIX <= len(wanted) < 36:
        ids = district_queries.remark_ids_starting(conn, wanted)
        if len(ids) > 1:
            raise UserError("E_REMARK_AMBIGUOUS", f"有多条意见的编号以“{wanted}”开头，请输入更长的编号")
        found = sync_repo.remarks_rows(conn, ids).get(ids[0]) if ids else None
    if found is None:
        raise NotFoundError("E_REMARK_NOT_FOUND", f"找不到编号为“{wanted[:36]}”的区人社意见；"
                            "用 case show 案号 查看案件收到的意见及其编号")
    return found


def answer_remark(backend: Backend, remark_ref: str, text: str) -> dict:
    """The room's answer to a remark or correction request (``remark answer REMARK_ID TEXT``)."""
    require_backend(backend, "case.record")
    if backend.node.role != "room":
        raise UserError("E_ROLE", "只有调解组织答复区人社的意见；区人社可再写一条意见")
    answer = required("remark.text", text, field="text")
    from mediation_desktop.storage import district_queries, programme_repo
    from mediation_desktop.storage.outbox import audit

    with backend.db.write() as conn:
        remark = _find_remark(conn, remark_ref)
        row = programme_repo.add(conn, "remark_answer", new_id(),
                                 {"remark_id": remark["id"], "text": answer, "author": backend.user})
        district_queries.mark_remark_answered(conn, remark["id"], row["created_at"])
        audit(conn, backend.user, "remark_answer", "case", remark["case_id"], {"remark": remark["id"]})
    return row


def case_remarks(backend: Backend, case_id: str) -> list[RemarkView]:
    """The district's remarks on a case with the room's answers (both ends see the same)."""
    from mediation_desktop.storage import district_queries, sync_repo

    require_backend(backend, "case.read")
    with backend.db.read() as conn:
        rows = sync_repo.remarks_rows_for_case(conn, case_id)
        answers = district_queries.answers_of(conn, [r["id"] for r in rows])
    return [RemarkView(r["id"], r["case_id"], r["kind"], r["text"], r["author"], r["created_at"],
                       tuple(answers.get(r["id"], ()))) for r in rows]


def recent_remarks(backend: Backend, limit: int = 500) -> list[dict]:
    """The remarks and correction requests held here (sent at the district, received at a room) with
    their case number, organisation and answers; open correction requests first."""
    from mediation_desktop.storage import district_queries

    require_backend(backend, "case.read")
    with backend.db.read() as conn:
        rows = district_queries.recent_remarks(conn, limit)
        answers = district_queries.answers_of(conn, [r["id"] for r in rows])
    return [{**r, "open": r["kind"] == "correction" and not answers.get(r["id"]),
             "answers": [{"text": a["text"], "author": a["author"], "created_at": a["created_at"]}
                         for a in answers.get(r["id"], ())]} for r in rows]


def notice_counts(backend: Backend) -> tuple[int, int]:
    """(notices received, unread) for the desk's 通知 badge."""
    from mediation_desktop.storage import district_queries

    require_backend(backend, "case.read")
    with backend.db.read() as conn:
        return district_queries.notice_read_state(conn)


def mark_notices_read(backend: Backend, notice_ids: list[str] | None = None) -> int:
    """Mark the given notices (or all received) as read here; the district is not told."""
    from mediation_desktop.storage import district_queries

    require_backend(backend, "case.read")
    with backend.db.write() as conn:
        return district_queries.mark_notices_read(conn, notice_ids, now_iso())
