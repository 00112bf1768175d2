"""repair text that the shared field rules refuse (NFC, control and bidi characters, lengths)

Registers written before core/rules.py may hold values the sync reader now refuses (a BEL from a
ledger cell, NFD text, a 60-character user name, a case-number pattern with a format specifier).
Each such row is repaired to the nearest value that keeps the rule (core.rules.repair_text: bidi and
control characters dropped, NFC, trimmed, cut to the length), its case is queued for the next sync
package, and one audit entry per repaired row names the fields (not their contents) and extends the
hash chain, so ``check`` still finds the chain whole.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""
from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# table -> (key column, the case id column or None, {column: rule key}). Only columns that exist at
# this revision; later migrations add their own.
_CASE_FIELDS = {
    "case_no": "case.case_no", "court_case_no": "case.court_case_no", "mediator": "case.mediator",
    "facts": "case.facts", "not_accepted_reason": "case.not_accepted_reason",
    "conclusion_note": "case.conclusion_note", "transferred_to": "case.transferred_to", "remarks": "case.remarks",
    "ledger_key": "case.ledger_key", "created_by": "case.created_by", "respondent_name": "respondent.name",
    "respondent_uscc": "respondent.uscc", "respondent_legal_rep": "respondent.legal_rep",
    "respondent_address": "respondent.address", "respondent_phone": "respondent.phone",
}
TABLES: dict[str, tuple[str, str | None, dict[str, str]]] = {
    "organisations": ("id", None, {
        "name": "org.name", "district_code": "org.district_code", "address": "org.address",
        "phone": "org.phone", "arbitration_name": "org.arbitration_name",
        "arbitration_address": "org.arbitration_address", "case_no_pattern": "org.case_no_pattern"}),
    "cases": ("id", "id", _CASE_FIELDS),
    "applicants": ("id", "case_id", {"name": "applicant.name", "id_number": "applicant.id_number",
                                     "phone": "applicant.phone", "gender": "applicant.gender",
                                     "address": "applicant.address"}),
    "claims": ("id", "case_id", {"description": "claim.description"}),
    "sessions": ("id", "case_id", {"place": "session.place", "mode": "session.mode",
                                   "attendees": "session.attendees", "notes": "session.notes",
                                   "recorder": "session.recorder"}),
    "agreements": ("id", "case_id", {"arbitration_review_result": "agreement.arbitration_review_result",
                                     "judicial_confirmation_result": "agreement.judicial_confirmation_result"}),
    "agreement_items": ("id", None, {"payer": "item.payer", "payee": "item.payee",
                                     "description": "item.description", "method": "item.method"}),
    "documents": ("id", "case_id", {"kind": "document.kind", "file_name": "document.file_name",
                                    "template_source": "document.template_source",
                                    "generated_by": "document.generated_by"}),
    "attachments": ("id", "case_id", {"file_name": "attachment.file_name",
                                      "description": "attachment.description", "added_by": "attachment.added_by"}),
    "remarks": ("id", None, {"text": "remark.text", "author": "remark.author"}),
    "notices": ("id", None, {"title": "notice.title", "body": "notice.body"}),
    "key_enterprises": ("uscc", None, {"name": "key_enterprise.name", "reason": "key_enterprise.reason"}),
    "tombstones": ("entity_id", None, {"deleted_by": "tombstone.deleted_by"}),
}
_ENTITY = {"organisations": "organisation", "cases": "case", "applicants": "applicant", "claims": "claim",
           "sessions": "session", "agreements": "agreement", "agreement_items": "agreement_item",
           "documents": "document", "attachments": "attachment", "remarks": "remark", "notices": "notice",
           "key_enterprises": "key_enterprise", "tombstones": "tombstone"}
MIGRATION_USER = "系统升级"


def _q(name: str) -> str:
    return f'"{name}"'


def upgrade() -> None:
    from mediation_desktop.core.case_numbers import check_case_no_pattern
    from mediation_desktop.core.errors import UserError
    from mediation_desktop.core.model import DEFAULT_CASE_NO_PATTERN
    from mediation_desktop.core.rules import repair_text, text_problem

    conn = op.get_bind()
    repaired: list[tuple[str, str, str | None, list[str]]] = []   # (table, key, case id, fields)
    for table, (key, case_col, fields) in TABLES.items():
        cols = [key] + ([case_col] if case_col and case_col != key else []) + list(fields)
        rows = conn.execute(sa.text(f"SELECT {', '.join(map(_q, cols))} FROM {_q(table)}")).mappings()
        for row in list(rows):
            changed: dict[str, str] = {}
            for col, rule in fields.items():
                value = row[col]
                if isinstance(value, str) and text_problem(rule, value) is not None:
                    changed[col] = repair_text(rule, value)
            if table == "organisations":
                pattern = changed.get("case_no_pattern", row["case_no_pattern"])
                if pattern:
                    try:
                        check_case_no_pattern(pattern)
                    except UserError:
                        changed["case_no_pattern"] = DEFAULT_CASE_NO_PATTERN
            if table == "cases" and "case_no" in changed:
                changed["case_no"] = _unique_case_no(conn, row["id"], changed["case_no"])
            if not changed:
                continue
            sets = ", ".join(f"{_q(c)} = :{c}" for c in changed)
            conn.execute(sa.text(f"UPDATE {_q(table)} SET {sets} WHERE {_q(key)} = :_key"),
                         {**changed, "_key": row[key]})
            case_id = row[case_col] if case_col else None
            if table == "agreement_items":
                case_id = conn.execute(sa.text("SELECT a.case_id FROM agreement_items i JOIN agreements a "
                                               "ON a.id = i.agreement_id WHERE i.id = :id"), {"id": row[key]}).scalar()
            repaired.append((table, row[key], case_id, sorted(changed)))
    if not repaired:
        return
    _refresh_applicant_names(conn, {case for t, _, case, _ in repaired if t == "applicants" and case})
    _queue_cases(conn, sorted({case for _, _, case, _ in repaired if case}))
    for table, row_key, _case, changed_fields in repaired:
        _audit(conn, _ENTITY.get(table, table), row_key, {"fields": changed_fields, "table": table, "revision": revision})


def _unique_case_no(conn: sa.Connection, case_id: str, case_no: str) -> str:
    from mediation_desktop.core.rules import max_len

    taken = conn.execute(sa.text("SELECT 1 FROM cases WHERE case_no = :no AND id <> :id "
                                 "AND org_id = (SELECT org_id FROM cases WHERE id = :id)"),
                         {"no": case_no, "id": case_id}).first()
    if taken is None:
        return case_no
    suffix = "-" + case_id[:8]
    return case_no[: max_len("case.case_no") - len(suffix)] + suffix


def _refresh_applicant_names(conn: sa.Connection, case_ids: set[str]) -> None:
    # cases.applicant_names repeats the applicants' names for the list and search.
    for case_id in sorted(case_ids):
        names = [r[0] for r in conn.execute(sa.text("SELECT name FROM applicants WHERE case_id = :id "
                                                    "ORDER BY position"), {"id": case_id})]
        conn.execute(sa.text("UPDATE cases SET applicant_names = :n WHERE id = :id"),
                     {"n": "、".join(names), "id": case_id})


def _queue_cases(conn: sa.Connection, case_ids: list[str]) -> None:
    """A new version of each repaired case of this node in the outbox, so its next package carries it."""
    from mediation_desktop.core.clock import now_iso

    node = conn.execute(sa.text("SELECT node_id, last_seq FROM node_state")).first()
    if node is None:
        return
    node_id, seq = node
    at = now_iso()
    for case_id in case_ids:
        owner = conn.execute(sa.text("SELECT origin_node FROM cases WHERE id = :id"), {"id": case_id}).scalar()
        if owner != node_id:
            continue   # another room's case held at the district: its owner sends the repaired one
        seq += 1
        conn.execute(sa.text("UPDATE cases SET version = version + 1, updated_at = :at WHERE id = :id"),
                     {"at": at, "id": case_id})
        conn.execute(sa.text("INSERT INTO changes (origin_node, origin_seq, entity, entity_id, op, at) "
                             "VALUES (:n, :s, 'case', :id, 'upsert', :at)"),
                     {"n": node_id, "s": seq, "id": case_id, "at": at})
    conn.execute(sa.text("UPDATE node_state SET last_seq = :s"), {"s": seq})


def _audit(conn: sa.Connection, entity: str, entity_id: str, detail: dict) -> None:
    """One entry chained to the newest, hashed exactly as storage.outbox.audit hashes its own."""
    from mediation_desktop.core.clock import now_iso
    from mediation_desktop.storage.outbox import GENESIS_HASH, entry_hash

    prev = conn.execute(sa.text("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")).scalar() or GENESIS_HASH
    at = now_iso()
    text = json.dumps(detail, ensure_ascii=False, sort_keys=True)
    conn.execute(sa.text('INSERT INTO audit_log (at, "user", action, entity, entity_id, detail, prev_hash, hash) '
                         "VALUES (:at, :user, 'field_repair', :entity, :entity_id, :detail, :prev, :hash)"),
                 {"at": at, "user": MIGRATION_USER, "entity": entity, "entity_id": entity_id, "detail": text,
                  "prev": prev, "hash": entry_hash(prev, at, MIGRATION_USER, "field_repair", entity, entity_id,
                                                   text)})


def downgrade() -> None:
    # The repaired values keep the rules of every later version too; the originals are not kept.
    pass
