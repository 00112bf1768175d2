"""Records as they travel in a package, and the strict check of every incoming one.

A record line is ``{"entity": E, "id": UUID, "origin_node": UUID, "version": int, "data": {...}}``.
``data`` holds the entity's current state with fixed keys: dates are ISO ``YYYY-MM-DD``, money is
integer fen (``*_fen`` keys; a decimal string such as ``"16409.02"`` is accepted too, a float never),
ids are canonical lower-case UUIDs, codes come from core.enums. Anything else is refused with the line
number and field, and the whole package with it. docs/sync-format.md describes the format.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any

from mediation_desktop.core import rules
from mediation_desktop.core.enums import Channel, DisputeType, Outcome, Status
from mediation_desktop.core.errors import UserError
from mediation_desktop.core.model import (
    AGREEMENT_TAX,
    Agreement,
    AgreementItem,
    Applicant,
    Case,
    Claim,
    MediationSession,
    Respondent,
    WorkerAmount,
)

# The version of this record format, carried as the package header's schema_version.
SYNC_SCHEMA_VERSION = 1
CONTROL = "control.json"
CHANGES = "changes.jsonl"
RECORDS = "records.jsonl"
TOMBSTONES = "tombstones.jsonl"
AUDIT = "audit.jsonl"
BLOB_DIR = "attachments/"

# The programme's registers (sync/programme_records.py holds their shapes).
PROGRAMME_ENTITIES = ("mediator", "training", "training_course", "outreach", "screening", "urgent_report",
                      "typical_case", "typical_library", "remark_answer")
ENTITIES = ("case", "remark", "notice", *PROGRAMME_ENTITIES)
CHANGE_ENTITY = re.compile(r"[a-z][a-z_]{0,23}")
CHANGE_OPS = ("upsert", "delete", "export")
MAX_FEN = rules.MAX_FEN  # the one money ceiling (core.rules), exclusive
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_TS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?(?:Z|[+-]\d\d:\d\d)")
_DECIMAL = re.compile(r"(0|[1-9]\d{0,10})\.\d\d")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_STATUSES = {s.value for s in Status}
_OUTCOMES = {o.value for o in Outcome}
_CHANNELS = {c.value for c in Channel}
_TYPES = {t.value for t in DisputeType}


class RecordError(UserError):
    """One record refused; the message names the line and the field."""

    where: str = ""      # the line and field, as in the message
    reason: str = ""     # what is wrong with it


def refuse(where: str, message: str) -> RecordError:
    error = RecordError("E_SYNC_RECORD", f"包内记录不合格（{where}）：{message}已拒绝整个包，未做任何改动。")
    error.where, error.reason = where, message   # for the exporter's own message (sync/export_check.py)
    return error


# ------------------------------------------------------------------------------------- field checks
#
# Every check is ``check(value, where)``: it returns the checked (perhaps converted) value or raises
# RecordError naming ``where``. A package holds thousands of records, and building each field's
# ``where`` text and calling through a few layers per field cost more than the checks themselves.
# So objects and lists are first checked in one pass with the places left out (``fast``: the same
# rules, each accepting at once what its check would return unchanged and asking the check itself
# for anything else); only when that pass refuses something does the check run again with every
# place named, to say where. A refusal is the same refusal either way.

Check = Callable[[Any, str], Any]
Fast = Callable[[Any], Any]


def _with_fast(check: Check, fast: Fast) -> Check:
    check.fast = fast  # type: ignore[attr-defined]
    return check


def fast_of(check: Check) -> Fast:
    """``check`` without its place: for the first pass over a record."""
    fast = getattr(check, "fast", None)
    return fast if fast is not None else (lambda value: check(value, ""))


def uuid_(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _UUID.fullmatch(value):
        raise refuse(where, "不是规范的 UUID。")
    return value


_uuid_match = _UUID.fullmatch
_with_fast(uuid_, lambda value: value if value.__class__ is str and _uuid_match(value) else uuid_(value, ""))


def text(limit: int | str, *, nullable: bool = False, multiline: bool = False, opaque: bool = False) -> Check:
    """A text field. ``limit`` is a key of core.rules.TEXT_RULES (its length and line rule), or a bare
    length for machine-made text. Either way the characters follow core.rules, the rules every entry
    point cleans with, so whatever a node accepted locally passes here. ``opaque`` text (audit entries,
    which the hash chain keeps as they were first written) is checked for length and control
    characters only."""
    r = rules.TEXT_RULES[limit] if isinstance(limit, str) else rules.TextRule("文字", limit, multiline)

    def check(value: Any, where: str) -> Any:
        if value is None and nullable:
            return None
        if not isinstance(value, str):
            raise refuse(where, "应为文字。")
        if opaque:
            if len(value) > r.max_len:
                raise refuse(where, f"超过 {r.max_len} 个字符。")
            allowed = "\n\t" if r.multiline else ""
            if any(unicodedata.category(c) == "Cc" and c not in allowed for c in value):
                raise refuse(where, "含有控制字符。")
            return value
        problem = rules.rule_problem(r, value)
        if problem:
            raise refuse(where, problem + "。")
        return value

    max_len, is_normalized = r.max_len, unicodedata.is_normalized

    def fast(value: Any) -> Any:
        # rules.rule_problem's own quick answer: short enough, printable (no control, format or
        # line-break character) and NFC. Opaque text asks less, so what passes here passes there.
        if value.__class__ is str and len(value) <= max_len and value.isprintable() and (
                value.isascii() or is_normalized("NFC", value)):
            return value
        return check(value, "")
    return _with_fast(check, fast)


def iso_date(*, nullable: bool = True) -> Check:
    def check(value: Any, where: str) -> Any:
        if value is None and nullable:
            return None
        if not isinstance(value, str) or not _DATE.fullmatch(value):
            raise refuse(where, "日期应为 YYYY-MM-DD。")
        try:
            found = date.fromisoformat(value)
        except ValueError:
            raise refuse(where, "不是有效的日期。") from None
        if not rules.date_in_range(found):
            raise refuse(where, f"日期应在 {rules.MIN_DATE.year} 年到 {rules.MAX_DATE.year} 年之间。")
        return found
    return check


def timestamp(*, nullable: bool = False) -> Check:
    def check(value: Any, where: str) -> Any:
        if value is None and nullable:
            return None
        if not isinstance(value, str) or not _TS.fullmatch(value):
            raise refuse(where, "时间应为带时区的 ISO 格式。")
        return value
    match = _TS.fullmatch
    return _with_fast(check, lambda value: value if value.__class__ is str and match(value) else check(value, ""))


def integer(low: int, high: int, *, nullable: bool = False) -> Check:
    def check(value: Any, where: str) -> Any:
        if value is None and nullable:
            return None
        if type(value) is not int or not low <= value <= high:
            raise refuse(where, f"应为 {low} 到 {high} 之间的整数。")
        return value
    return _with_fast(check, lambda value: value if value.__class__ is int and low <= value <= high
                      else check(value, ""))


def fen(*, nullable: bool = True) -> Check:
    """Money: integer fen, or a decimal string with two places. Never a float (strict JSON already
    refuses those while parsing; this refuses them again for values built in code)."""
    def check(value: Any, where: str) -> Any:
        if value is None and nullable:
            return None
        if type(value) is int and rules.fen_in_range(value):
            return value
        if isinstance(value, str) and _DECIMAL.fullmatch(value):
            yuan, cents = value.split(".")
            return int(yuan) * 100 + int(cents)
        raise refuse(where, "金额应为以分为单位的非负整数或两位小数的字符串，不能是浮点数。")
    return _with_fast(check, lambda value: value if value.__class__ is int and 0 <= value < MAX_FEN
                      else check(value, ""))


def boolean(value: Any, where: str) -> bool:
    if type(value) is not bool:
        raise refuse(where, "应为 true 或 false。")
    return value


_with_fast(boolean, lambda value: value if value.__class__ is bool else boolean(value, ""))


def one_of(allowed: set[str] | tuple[str, ...], *, nullable: bool = False) -> Check:
    def check(value: Any, where: str) -> Any:
        if value is None and nullable:
            return None
        if value not in allowed:
            raise refuse(where, f"取值“{str(value)[:40]}”不在允许范围内。")
        return value
    return _with_fast(check, lambda value: value if value.__class__ is str and value in allowed
                      else check(value, ""))


def sha256_(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _SHA256.fullmatch(value):
        raise refuse(where, "不是 SHA-256 摘要。")
    return value


_sha256_match = _SHA256.fullmatch
_with_fast(sha256_, lambda value: value if value.__class__ is str and _sha256_match(value) else sha256_(value, ""))


def obj(fields: dict[str, Check], added: dict[str, Any] | None = None) -> Check:
    """A dict with exactly these keys, each checked; returns a dict of checked values. ``added``
    names fields a later version introduced, with the value a record from an earlier version
    means by leaving them out (so its packages still import)."""
    added = added or {}
    keys = frozenset(fields)
    quick = tuple((k, fast_of(fn)) for k, fn in fields.items())

    def check(value: Any, where: str) -> dict[str, Any]:
        if value.__class__ is dict and value.keys() == keys:
            try:
                return {k: fn(value[k]) for k, fn in quick}
            except RecordError:
                pass   # refused: checked again below, to name the place
        if not isinstance(value, dict):
            raise refuse(where, "应为对象。")
        if set(value) != set(fields):
            missing = sorted(set(fields) - set(value) - set(added))
            extra = sorted(set(value) - set(fields))
            if missing or extra:
                raise refuse(where, f"字段不对（缺少 {missing[:5]}，多出 {extra[:5]}）。")
        return {k: fn(value[k], f"{where}.{k}") if k in value else added[k] for k, fn in fields.items()}
    return _with_fast(check, lambda value: check(value, ""))


def array(item: Check, max_items: int) -> Check:
    quick = fast_of(item)

    def check(value: Any, where: str) -> list[Any]:
        if not isinstance(value, list) or len(value) > max_items:
            raise refuse(where, f"应为不超过 {max_items} 项的列表。")
        return [item(v, f"{where}[{i}]") for i, v in enumerate(value)]
    return _with_fast(check, lambda value: [quick(v) for v in value]
                      if value.__class__ is list and len(value) <= max_items else check(value, ""))


# ---------------------------------------------------------------------------------------- the shapes

RESPONDENT = obj({"name": text("respondent.name"), "uscc": text("respondent.uscc", nullable=True), "legal_rep": text("respondent.legal_rep", nullable=True),
                  "address": text("respondent.address", nullable=True), "phone": text("respondent.phone", nullable=True),
                  "legal_rep_title": text("respondent.legal_rep_title", nullable=True),
                  "agent": text("respondent.agent", nullable=True), "agent_special": boolean},
                 added={"legal_rep_title": None, "agent": None, "agent_special": False})
APPLICANT = obj({"id": uuid_, "name": text("applicant.name"), "id_number": text("applicant.id_number", nullable=True),
                 "phone": text("applicant.phone", nullable=True), "gender": text("applicant.gender", nullable=True),
                 "address": text("applicant.address", nullable=True), "is_representative": boolean,
                 "agent": text("applicant.agent", nullable=True), "agent_special": boolean},
                added={"agent": None, "agent_special": False})
CLAIM = obj({"id": uuid_, "description": text("claim.description"), "amount_fen": fen(),
             "dispute_type": one_of(_TYPES, nullable=True)})
SESSION = obj({"id": uuid_, "held_on": iso_date(nullable=False), "place": text("session.place"), "mode": text("session.mode"),
               "attendees": text("session.attendees"), "notes": text("session.notes"), "recorder": text("session.recorder")})
ITEM = obj({"id": uuid_, "payer": text("item.payer"), "payee": text("item.payee"), "description": text("item.description"),
            "amount_fen": fen(), "due_on": iso_date(), "method": text("item.method"), "performed_on": iso_date(),
            "performed_fen": fen(), "account": text("item.account")}, added={"account": ""})
WORKER = obj({"id": uuid_, "name": text("worker.name"), "amount_fen": fen(nullable=False)})
AGREEMENT = obj({"id": uuid_, "signed_on": iso_date(nullable=False), "effective_on": iso_date(),
                 "full_and_final": boolean, "default_route": one_of(("payment_order", "arbitration")),
                 "arbitration_review_applied_on": iso_date(),
                 "arbitration_review_result": text("agreement.arbitration_review_result", nullable=True),
                 "judicial_confirmation_applied_on": iso_date(),
                 "judicial_confirmation_result": text("agreement.judicial_confirmation_result", nullable=True),
                 "items": array(ITEM, 200),
                 "tax": one_of(AGREEMENT_TAX, nullable=True), "other_terms": text("agreement.other_terms"),
                 "per_worker": array(WORKER, 100_000)},
                added={"tax": None, "other_terms": "", "per_worker": []})
def file_name(value: Any, where: str) -> str:
    """A file name from another node: text of at most 255 characters, reduced to a safe base name.
    The record is kept and only the name is replaced: separators, ``..``, device names, control
    and bidi characters are taken out rather than refusing the whole package over one scan."""
    from mediation_desktop.core.filenames import safe_basename

    if not isinstance(value, str) or len(value) > 255:
        raise refuse(where, "应为不超过 255 个字符的文件名。")
    return safe_basename(value)


DOCUMENT = obj({"id": uuid_, "kind": text("document.kind"), "version": integer(1, 10_000), "file_name": file_name,
                "sha256": sha256_, "template_source": text("document.template_source"), "generated_by": text("document.generated_by"),
                "generated_at": timestamp()})
ATTACHMENT = obj({"id": uuid_, "document_id": lambda v, w: None if v is None else uuid_(v, w),
                  "sha256": sha256_, "file_name": file_name, "size": integer(0, 2**40),
                  "description": text("attachment.description"), "added_by": text("attachment.added_by"), "added_at": timestamp()})


def _agreement_or_none(value: Any, where: str) -> Any:
    return None if value is None else AGREEMENT(value, where)


def _hh_mm(value: Any, where: str) -> str | None:
    """A booked session's time: null or exactly "HH:MM" (what core.session_schedule.parse_time makes)."""
    if value is None:
        return None
    if not isinstance(value, str) or not _HH_MM.fullmatch(value):
        raise refuse(where, "时间应为 HH:MM。")
    return value


_HH_MM = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")


CASE = obj({
    "org_id": uuid_, "case_no": text("case.case_no"), "seq_no": integer(1, 10**9), "status": one_of(_STATUSES),
    "outcome": one_of(_OUTCOMES, nullable=True), "received_on": iso_date(nullable=False),
    "accepted_on": iso_date(), "concluded_on": iso_date(), "closed_on": iso_date(), "extended_until": iso_date(),
    "dispute_types": array(one_of(_TYPES), len(_TYPES)), "workers_involved": integer(rules.MIN_WORKERS, rules.MAX_WORKERS),
    "amount_claimed_fen": fen(), "amount_agreed_fen": fen(), "channel": one_of(_CHANNELS),
    "court_case_no": text("case.court_case_no", nullable=True), "mediator": text("case.mediator", nullable=True),
    "facts": text("case.facts"), "not_accepted_reason": text("case.not_accepted_reason", nullable=True),
    "conclusion_note": text("case.conclusion_note", nullable=True), "transferred_to": text("case.transferred_to", nullable=True),
    "remarks": text("case.remarks"), "ledger_key": text("case.ledger_key", nullable=True),
    "created_at": timestamp(), "updated_at": timestamp(), "created_by": text("case.created_by", nullable=True),
    "respondent": RESPONDENT, "applicants": array(APPLICANT, rules.MAX_APPLICANTS), "claims": array(CLAIM, 200),
    "sessions": array(SESSION, 500), "agreement": _agreement_or_none,
    "documents": array(DOCUMENT, 500), "attachments": array(ATTACHMENT, 2000),
    "extension_agreed_on": iso_date(), "accepted_late": boolean,
    "respondent_position": text("case.respondent_position"), "employment_ended_on": iso_date(),
    # From a legacy ledger (migration 0011): its 序号, closed there (close date perhaps inferred), or
    # open there and held for review. The import batch stays with the room that imported it.
    "ledger_no": text("case.ledger_no", nullable=True), "historical": boolean, "closed_on_inferred": boolean,
    "review_pending": boolean,
    # The next session booked (migration 0012): date, "HH:MM" or null, place.
    "next_session_on": iso_date(), "next_session_at": _hh_mm, "next_session_place": text("session.place"),
}, added={"extension_agreed_on": None, "accepted_late": False, "respondent_position": "", "employment_ended_on": None,
          "ledger_no": None, "historical": False, "closed_on_inferred": False, "review_pending": False,
          "next_session_on": None, "next_session_at": None, "next_session_place": ""})
REMARK = obj({"case_id": uuid_, "kind": one_of(("remark", "correction")), "text": text("remark.text"),
              "author": text("remark.author"), "created_at": timestamp(), "answered_at": timestamp(nullable=True)})
def _optional(check: Check) -> Check:
    return lambda value, where: None if value is None else check(value, where)


# A notice's attached file travels beside it in the package (parse.py checks it is there).
NOTICE = obj({"title": text("notice.title"), "body": text("notice.body"), "created_at": timestamp(),
              "attachment_name": _optional(file_name), "attachment_sha256": _optional(sha256_)},
             added={"attachment_name": None, "attachment_sha256": None})
ORGANISATION = obj({"id": uuid_, "name": text("org.name"), "code": text("org.code"), "role": one_of(("room", "supervisor")),
                    "district_code": text("org.district_code", nullable=True), "address": text("org.address", nullable=True),
                    "phone": text("org.phone", nullable=True), "arbitration_name": text("org.arbitration_name", nullable=True),
                    "arbitration_address": text("org.arbitration_address", nullable=True), "case_no_pattern": text("org.case_no_pattern")})
TOMBSTONE = obj({"entity": one_of(ENTITIES), "id": uuid_, "deleted_at": timestamp(),
                 "deleted_by": text("tombstone.deleted_by", nullable=True), "origin_node": uuid_})
CHANGE = obj({"seq": integer(0, 2**63 - 1), "entity": lambda v, w: _change_entity(v, w), "id": text(64),
              "op": one_of(CHANGE_OPS)})
# Audit entries travel exactly as the hash chain holds them (an old entry cannot be cleaned without
# breaking the chain), so their text is checked as opaque.
AUDIT_LINE = obj({"id": integer(1, 2**62), "at": timestamp(), "user": text(50, opaque=True),
             "action": text(32, opaque=True), "entity": text(24, nullable=True, opaque=True),
             "entity_id": text(64, nullable=True, opaque=True),
             "detail": text(20000, multiline=True, opaque=True), "prev_hash": sha256_, "hash": sha256_})
KEY_ENTERPRISE = obj({"uscc": text("key_enterprise.uscc"), "name": text("key_enterprise.name"), "reason": text("key_enterprise.reason"),
                      "listed_at": timestamp()})
DATA_SHAPES = {"case": CASE, "remark": REMARK, "notice": NOTICE}


def _change_entity(value: Any, where: str) -> str:
    if not isinstance(value, str) or not CHANGE_ENTITY.fullmatch(value):
        raise refuse(where, "实体类型名称不合格。")
    return value


_RECORD_KEYS = frozenset(("entity", "id", "origin_node", "version", "data"))
_ENTITY = one_of(ENTITIES)
_VERSION = integer(0, 2**62)


def check_record(line: Any, where: str) -> dict[str, Any]:
    """Validate one records.jsonl line; returns it with data values converted (dates, fen)."""
    if not isinstance(line, dict) or line.keys() != _RECORD_KEYS:
        raise refuse(where, "记录应有且仅有 entity、id、origin_node、version、data。")
    entity = _ENTITY(line["entity"], f"{where}.entity")
    return {"entity": entity, "id": uuid_(line["id"], f"{where}.id"),
            "origin_node": uuid_(line["origin_node"], f"{where}.origin_node"),
            "version": _VERSION(line["version"], f"{where}.version"),
            "data": _shape(entity)(line["data"], f"{where}.data")}


def _shape(entity: str) -> Check:
    if entity in DATA_SHAPES:
        return DATA_SHAPES[entity]
    from mediation_desktop.sync.programme_records import SHAPES  # it builds on the checks above

    return SHAPES[entity]


# ------------------------------------------------------------------------------- rows -> records


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def case_data(case: Case, documents: list[dict], attachments: list[dict], created_by: str | None) -> dict:
    """The ``data`` of a case record (canonical: the same case gives the same dict)."""
    ag = case.agreement
    return {
        "org_id": case.org_id, "case_no": case.case_no, "seq_no": case.seq_no, "status": str(case.status),
        "outcome": str(case.outcome) if case.outcome else None, "received_on": _iso(case.received_on),
        "accepted_on": _iso(case.accepted_on), "concluded_on": _iso(case.concluded_on),
        "closed_on": _iso(case.closed_on), "extended_until": _iso(case.extended_until),
        "extension_agreed_on": _iso(case.extension_agreed_on), "accepted_late": bool(case.accepted_late),
        "dispute_types": list(case.dispute_types), "workers_involved": case.workers_involved,
        "amount_claimed_fen": case.amount_claimed_fen, "amount_agreed_fen": case.amount_agreed_fen,
        "channel": str(case.channel), "court_case_no": case.court_case_no, "mediator": case.mediator,
        "facts": case.facts, "not_accepted_reason": case.not_accepted_reason,
        "conclusion_note": case.conclusion_note, "transferred_to": case.transferred_to, "remarks": case.remarks,
        "ledger_key": case.ledger_key, "ledger_no": case.ledger_no, "historical": bool(case.historical),
        "closed_on_inferred": bool(case.closed_on_inferred), "review_pending": bool(case.review_pending),
        "next_session_on": _iso(case.next_session_on), "next_session_at": case.next_session_at,
        "next_session_place": case.next_session_place or "",
        "created_at": case.created_at.isoformat() if case.created_at else None,
        "updated_at": case.updated_at.isoformat() if case.updated_at else None,
        "created_by": created_by,
        "respondent": {"name": case.respondent.name, "uscc": case.respondent.uscc,
                       "legal_rep": case.respondent.legal_rep, "address": case.respondent.address,
                       "phone": case.respondent.phone, "legal_rep_title": case.respondent.legal_rep_title,
                       "agent": case.respondent.agent, "agent_special": bool(case.respondent.agent_special)},
        "applicants": [{"id": a.id, "name": a.name, "id_number": a.id_number, "phone": a.phone, "gender": a.gender,
                        "address": a.address, "is_representative": bool(a.is_representative),
                        "agent": a.agent, "agent_special": bool(a.agent_special)}
                       for a in case.applicants],
        "respondent_position": case.respondent_position or "",
        "employment_ended_on": _iso(case.employment_ended_on),
        "claims": [{"id": c.id, "description": c.description, "amount_fen": c.amount_fen,
                    "dispute_type": c.dispute_type} for c in case.claims],
        "sessions": [{"id": s.id, "held_on": _iso(s.held_on), "place": s.place, "mode": s.mode,
                      "attendees": s.attendees, "notes": s.notes, "recorder": s.recorder} for s in case.sessions],
        "agreement": None if ag is None else {
            "id": ag.id, "signed_on": _iso(ag.signed_on), "effective_on": _iso(ag.effective_on),
            "full_and_final": bool(ag.full_and_final), "default_route": ag.default_route,
            "arbitration_review_applied_on": _iso(ag.arbitration_review_applied_on),
            "arbitration_review_result": ag.arbitration_review_result,
            "judicial_confirmation_applied_on": _iso(ag.judicial_confirmation_applied_on),
            "judicial_confirmation_result": ag.judicial_confirmation_result,
            "tax": ag.tax, "other_terms": ag.other_terms or "",
            "per_worker": [{"id": w.id, "name": w.name, "amount_fen": w.amount_fen} for w in ag.per_worker],
            "items": [{"id": i.id, "payer": i.payer, "payee": i.payee, "description": i.description,
                       "amount_fen": i.amount_fen, "due_on": _iso(i.due_on), "method": i.method,
                       "account": i.account or "",
                       "performed_on": _iso(i.performed_on), "performed_fen": i.performed_fen} for i in ag.items],
        },
        "documents": documents,
        "attachments": attachments,
    }


def comparable(data: dict) -> dict:
    """What decides "the same content": everything but the time of the last save."""
    return {k: v for k, v in data.items() if k != "updated_at"}


# ------------------------------------------------------------------------------- records -> rows


def case_from_data(case_id: str, origin_node: str, version: int, d: dict) -> Case:
    """A core Case from checked ``data`` (dates already ``date``, money already fen)."""
    from datetime import datetime

    ag = d["agreement"]
    agreement = None if ag is None else Agreement(
        id=ag["id"], signed_on=ag["signed_on"], effective_on=ag["effective_on"],
        full_and_final=ag["full_and_final"], default_route=ag["default_route"],
        arbitration_review_applied_on=ag["arbitration_review_applied_on"],
        arbitration_review_result=ag["arbitration_review_result"],
        judicial_confirmation_applied_on=ag["judicial_confirmation_applied_on"],
        judicial_confirmation_result=ag["judicial_confirmation_result"],
        tax=ag["tax"], other_terms=ag["other_terms"],
        per_worker=[WorkerAmount(**w) for w in ag["per_worker"]],
        items=[AgreementItem(**it) for it in ag["items"]])
    return Case(
        id=case_id, org_id=d["org_id"], case_no=d["case_no"], seq_no=d["seq_no"], received_on=d["received_on"],
        applicants=[Applicant(**a) for a in d["applicants"]], respondent=Respondent(**d["respondent"]),
        status=Status(d["status"]), outcome=Outcome(d["outcome"]) if d["outcome"] else None,
        accepted_on=d["accepted_on"], concluded_on=d["concluded_on"], closed_on=d["closed_on"],
        extended_until=d["extended_until"], extension_agreed_on=d["extension_agreed_on"],
        accepted_late=d["accepted_late"], dispute_types=list(d["dispute_types"]),
        respondent_position=d["respondent_position"], employment_ended_on=d["employment_ended_on"],
        workers_involved=d["workers_involved"], claims=[Claim(**c) for c in d["claims"]],
        amount_claimed_fen=d["amount_claimed_fen"], amount_agreed_fen=d["amount_agreed_fen"],
        channel=Channel(d["channel"]), court_case_no=d["court_case_no"], mediator=d["mediator"], facts=d["facts"],
        not_accepted_reason=d["not_accepted_reason"], conclusion_note=d["conclusion_note"],
        transferred_to=d["transferred_to"], remarks=d["remarks"],
        sessions=[MediationSession(**s) for s in d["sessions"]], agreement=agreement,
        version=version, origin_node=origin_node, ledger_key=d["ledger_key"],
        ledger_no=d["ledger_no"], historical=d["historical"], closed_on_inferred=d["closed_on_inferred"],
        review_pending=d["review_pending"], next_session_on=d["next_session_on"],
        next_session_at=d["next_session_at"], next_session_place=d["next_session_place"],
        created_at=datetime.fromisoformat(d["created_at"]), updated_at=datetime.fromisoformat(d["updated_at"]),
    )


def wire_data(data: dict) -> dict:
    """Checked data back to its wire form (dates as ISO text), for comparing with stored records."""
    def convert(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, list):
            return [convert(v) for v in value]
        return value
    return convert(data)
