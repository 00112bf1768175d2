"""Table definitions (SQLAlchemy Core).

Core tables rather than ORM classes on purpose: the bulk paths (ledger import, demo data, sync
import) need Core ``executemany`` speed, and keeping ``sqlalchemy.orm`` off the import path keeps the
GUI's start fast. Alembic owns the schema: a change here needs a migration in ``migrations/versions``
(the test ``test_migrations_match_schema`` compares the two).

Keys are UUID text made on the node that created the record; money is integer fen; legal dates are
ISO dates; timestamps are ISO text with their UTC offset.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from mediation_desktop.core.rules import max_len  # text column sizes come from the one rules table

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)

UUID = String(36)
TS = String(32)  # ISO timestamp with offset

node_state = Table(
    "node_state", metadata,
    Column("node_id", UUID, primary_key=True),
    Column("org_id", UUID, nullable=False),
    Column("role", String(16), nullable=False),
    Column("last_seq", Integer, nullable=False, default=0),
    Column("created_at", TS, nullable=False),
)

settings = Table(
    "settings", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

organisations = Table(
    "organisations", metadata,
    Column("id", UUID, primary_key=True),
    Column("name", String(max_len("org.name")), nullable=False),
    Column("code", String(max_len("org.code")), nullable=False),
    Column("role", String(16), nullable=False),
    Column("district_code", String(max_len("org.district_code"))),
    Column("address", String(max_len("org.address"))),
    Column("phone", String(max_len("org.phone"))),
    Column("arbitration_name", String(max_len("org.arbitration_name"))),
    Column("arbitration_address", String(max_len("org.arbitration_address"))),
    Column("case_no_pattern", String(max_len("org.case_no_pattern"))),
    Column("origin_node", UUID, nullable=False),
)

cases = Table(
    "cases", metadata,
    # An integer rowid alias keeps the external-content FTS index stable across VACUUM (a plain
    # rowid may be renumbered) and gives list paging a compact tie-breaker.
    Column("num", Integer, primary_key=True, autoincrement=True),
    Column("id", UUID, nullable=False, unique=True),
    Column("org_id", UUID, ForeignKey("organisations.id"), nullable=False),
    Column("case_no", String(max_len("case.case_no")), nullable=False),
    Column("year", Integer, nullable=False),
    Column("seq_no", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("outcome", String(16)),
    Column("received_on", Date, nullable=False),
    Column("accepted_on", Date),
    Column("concluded_on", Date),
    Column("closed_on", Date),
    Column("extended_until", Date),
    # Migration 0008: the day the parties agreed to the extension, and acceptance after its due date.
    Column("extension_agreed_on", Date),
    Column("accepted_late", Boolean, nullable=False, default=False),
    Column("dispute_types", String(200), nullable=False, default=""),
    Column("workers_involved", Integer, nullable=False, default=1),
    Column("collective", Boolean, nullable=False, default=False),
    Column("amount_claimed_fen", Integer),
    Column("amount_agreed_fen", Integer),
    Column("channel", String(24), nullable=False),
    Column("court_case_no", String(max_len("case.court_case_no"))),
    Column("mediator", String(max_len("case.mediator"))),
    Column("facts", Text, nullable=False, default=""),
    Column("not_accepted_reason", Text),
    Column("conclusion_note", Text),
    Column("transferred_to", String(max_len("case.transferred_to"))),
    Column("remarks", Text, nullable=False, default=""),
    # Denormalised for the list, search and statistics without joins.
    Column("applicant_names", Text, nullable=False),
    Column("respondent_name", String(max_len("respondent.name")), nullable=False),
    Column("respondent_uscc", String(max_len("respondent.uscc"))),
    Column("respondent_legal_rep", String(max_len("respondent.legal_rep"))),
    Column("respondent_address", String(max_len("respondent.address"))),
    Column("respondent_phone", String(max_len("respondent.phone"))),
    # What the documents print (migration 0009): the employer's 职务 of its legal representative, its
    # 委托代理人 and whether specially authorised, its position in the dispute, the employment end date.
    Column("respondent_legal_rep_title", String(max_len("respondent.legal_rep_title"))),
    Column("respondent_agent", String(max_len("respondent.agent"))),
    Column("respondent_agent_special", Boolean),
    Column("respondent_position", Text),
    Column("employment_ended_on", Date),
    # Deadlines are computed by core.deadlines when the case changes and stored so that the desk,
    # the deadline list and the case list sort and filter by index at a million cases.
    Column("acceptance_due", Date),
    Column("statutory_due", Date),
    Column("mediation_due", Date),
    Column("next_due", Date),
    Column("deadlines_approx", Boolean, nullable=False, default=False),
    Column("ledger_key", String(max_len("case.ledger_key"))),
    # Migration 0011: a case from a legacy ledger keeps the ledger's own 序号 and the import batch it
    # came in (so the last import can be undone). ``historical``: closed in the ledger, so its close
    # date may be inferred (``closed_on_inferred``); ``review_pending``: open in the ledger but long
    # past its term, held off the overdue lists until the mediator closes it or keeps it open.
    Column("ledger_no", String(max_len("case.ledger_no"))),
    Column("import_batch", UUID),
    Column("historical", Boolean, nullable=False, default=False),
    Column("closed_on_inferred", Boolean, nullable=False, default=False),
    Column("review_pending", Boolean, nullable=False, default=False),
    # Migration 0012: the next mediation session booked (core.session_schedule), for 今日调解/本周调解.
    Column("next_session_on", Date),
    Column("next_session_at", String(5)),
    Column("next_session_place", String(max_len("session.place"))),
    Column("origin_node", UUID, nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("created_at", TS, nullable=False),
    Column("updated_at", TS, nullable=False),
    Column("created_by", String(max_len("case.created_by"))),
    UniqueConstraint("org_id", "case_no"),
    UniqueConstraint("org_id", "year", "seq_no"),
)
# Only the indexes queries use: each one slows bulk upserts (ARCHITECTURE.md §3).
Index("ix_cases_received", cases.c.received_on, cases.c.num)
Index("ix_cases_open_due", cases.c.status, cases.c.next_due)
Index("ix_cases_ledger_key", cases.c.ledger_key)
Index("ix_cases_ledger_no", cases.c.ledger_no)
Index("ix_cases_import_batch", cases.c.import_batch)
Index("ix_cases_review_pending", cases.c.review_pending)
# The desk's 今日调解 and 本周调解 (open cases booked for a day range; migration 0012).
Index("ix_cases_next_session", cases.c.next_session_on)
# `case show 案号` and sync look a case up by its number alone (the unique key leads with org_id).
Index("ix_cases_case_no", cases.c.case_no)
# Same-employer risk counts and duplicate warnings at registration look cases up by employer.
Index("ix_cases_respondent_uscc", cases.c.respondent_uscc)
Index("ix_cases_respondent_name", cases.c.respondent_name)
# The district's list of one room's cases, newest first (cases --org, the 调解组织 filter; migration 0014).
Index("ix_cases_org_received", cases.c.org_id, cases.c.received_on, cases.c.num)

# The short text a 1–2 character search looks through (案号, applicants, employer), in a narrow table
# of its own: a trigram index cannot answer such queries, and a LIKE scan over this is a fraction
# of a scan over the wide ``cases`` rows. Kept in step by triggers (migration 0003) on SQLite.
case_names = Table(
    "case_names", metadata,
    Column("num", Integer, primary_key=True, autoincrement=False),
    Column("names", Text, nullable=False),
)

# Keyed hashes of applicants' ID and phone numbers and of their suffixes (core.number_lookup,
# migration 0011): search finds a person by number without the number stored a second time.
# Kept in step with ``applicants`` by cases_repo's insert and delete of a case's children.
number_lookups = Table(
    "number_lookups", metadata,
    Column("case_id", UUID, nullable=False, index=True),
    Column("kind", String(8), nullable=False),
    Column("hash", LargeBinary(16), nullable=False, index=True),
)

# One row per ledger import that wrote cases: ``ledger undo`` removes the newest batch's cases.
# ``seq_from``..``seq_to`` are the batch's own outbox rows: a batch whose rows a peer was sent
# has been synced. ``num`` orders the batches (two imports can share a second).
ledger_batches = Table(
    "ledger_batches", metadata,
    Column("num", Integer, primary_key=True, autoincrement=True),
    Column("id", UUID, nullable=False, unique=True),
    Column("file_name", String(255), nullable=False),
    Column("imported_at", TS, nullable=False),
    Column("imported_by", String(max_len("user.name"))),
    Column("cases", Integer, nullable=False, default=0),
    Column("seq_from", Integer, nullable=False, default=0),
    Column("seq_to", Integer, nullable=False, default=0),
    Column("undone_at", TS),
)

applicants = Table(
    "applicants", metadata,
    Column("id", UUID, primary_key=True),
    Column("case_id", UUID, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("name", String(max_len("applicant.name")), nullable=False, index=True),
    Column("id_number", String(max_len("applicant.id_number")), index=True),
    Column("phone", String(max_len("applicant.phone"))),
    Column("gender", String(max_len("applicant.gender"))),
    Column("address", String(max_len("applicant.address"))),
    Column("is_representative", Boolean, nullable=False, default=False),
    Column("agent", String(max_len("applicant.agent"))),          # 委托代理人 (migration 0009)
    Column("agent_special", Boolean),      # 特别授权
)

claims = Table(
    "claims", metadata,
    Column("id", UUID, primary_key=True),
    Column("case_id", UUID, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("description", Text, nullable=False),
    Column("amount_fen", Integer),
    Column("dispute_type", String(24)),
)

sessions = Table(
    "sessions", metadata,
    Column("id", UUID, primary_key=True),
    Column("case_id", UUID, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("held_on", Date, nullable=False),
    Column("place", String(max_len("session.place")), nullable=False, default=""),
    Column("mode", String(max_len("session.mode")), nullable=False, default="现场"),
    Column("attendees", Text, nullable=False, default=""),
    Column("notes", Text, nullable=False, default=""),
    Column("recorder", String(max_len("session.recorder")), nullable=False, default=""),
)

agreements = Table(
    "agreements", metadata,
    Column("id", UUID, primary_key=True),
    Column("case_id", UUID, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, unique=True),
    Column("signed_on", Date, nullable=False),
    Column("effective_on", Date),
    Column("full_and_final", Boolean, nullable=False, default=True),
    Column("default_route", String(16), nullable=False, default="payment_order"),
    Column("arbitration_review_applied_on", Date),
    Column("arbitration_review_result", Text),
    Column("judicial_confirmation_applied_on", Date),
    Column("judicial_confirmation_result", Text),
    Column("tax", String(16)),                              # pre_tax | after_tax | none (migration 0008)
    Column("other_terms", Text, nullable=False, default=""),
)

agreement_items = Table(
    "agreement_items", metadata,
    Column("id", UUID, primary_key=True),
    Column("agreement_id", UUID, ForeignKey("agreements.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("payer", String(max_len("item.payer")), nullable=False),
    Column("payee", String(max_len("item.payee")), nullable=False),
    Column("description", Text, nullable=False),
    Column("amount_fen", Integer),
    Column("due_on", Date),
    Column("method", String(max_len("item.method")), nullable=False, default=""),
    Column("account", String(max_len("item.account")), nullable=False, default=""),  # migration 0008
    Column("performed_on", Date),
    Column("performed_fen", Integer),
)

# Each worker's share of a collective agreement (migration 0008).
agreement_workers = Table(
    "agreement_workers", metadata,
    Column("id", UUID, primary_key=True),
    Column("agreement_id", UUID, ForeignKey("agreements.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("name", String(max_len("worker.name")), nullable=False),
    Column("amount_fen", Integer, nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", UUID, primary_key=True),
    Column("case_id", UUID, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(max_len("document.kind")), nullable=False),
    Column("version", Integer, nullable=False),
    Column("file_name", String(max_len("document.file_name")), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("template_source", String(max_len("document.template_source")), nullable=False, default="builtin"),
    Column("generated_by", String(max_len("document.generated_by")), nullable=False),
    Column("generated_at", TS, nullable=False),
    UniqueConstraint("case_id", "kind", "version"),
)

attachments = Table(
    "attachments", metadata,
    Column("id", UUID, primary_key=True),
    Column("case_id", UUID, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("document_id", UUID, ForeignKey("documents.id")),
    Column("sha256", String(64), nullable=False),
    Column("file_name", String(max_len("attachment.file_name")), nullable=False),
    Column("size", Integer, nullable=False),
    Column("description", String(max_len("attachment.description")), nullable=False, default=""),
    Column("added_by", String(max_len("attachment.added_by")), nullable=False),
    Column("added_at", TS, nullable=False),
)

# The outbox: one row per change, numbered gap-free per origin node, written in the same
# transaction as the change. Sync exports ranges of it; the entity's current state travels.
changes = Table(
    "changes", metadata,
    Column("origin_node", UUID, primary_key=True),
    Column("origin_seq", Integer, primary_key=True),
    Column("entity", String(24), nullable=False),
    Column("entity_id", UUID, nullable=False),
    Column("op", String(8), nullable=False),  # upsert | delete
    Column("at", TS, nullable=False),
)

tombstones = Table(
    "tombstones", metadata,
    Column("entity", String(24), primary_key=True),
    Column("entity_id", UUID, primary_key=True),
    Column("deleted_at", TS, nullable=False),
    Column("deleted_by", String(max_len("tombstone.deleted_by"))),
    Column("origin_node", UUID, nullable=False),
)

# Append-only and hash-chained: each entry's hash covers the previous hash, so editing or deleting
# an entry breaks the chain (checked by `check`).
audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", TS, nullable=False),
    Column("user", String(max_len("user.name")), nullable=False),
    Column("action", String(32), nullable=False),
    Column("entity", String(24)),
    Column("entity_id", String(64)),
    Column("detail", Text, nullable=False, default="{}"),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)
Index("ix_audit_log_entity", audit_log.c.entity_id)

# -- accounts (durability and access) -------------------------------------------------------------
users = Table(
    "users", metadata,
    Column("id", UUID, primary_key=True),
    Column("name", String(max_len("user.name")), nullable=False, unique=True),
    Column("display_name", String(max_len("user.display_name")), nullable=False),
    Column("role", String(16), nullable=False),          # mediator | head | supervisor | admin
    Column("password_hash", String(255), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("failed_attempts", Integer, nullable=False, default=0),
    Column("locked_until", TS),
    Column("created_at", TS, nullable=False),
)

# -- sync ------------------------------------------------------------------------------------------
peers = Table(
    "peers", metadata,
    Column("node_id", UUID, primary_key=True),
    Column("org_id", UUID),
    Column("org_name", String(200), nullable=False),
    Column("org_code", String(32), nullable=False),
    Column("role", String(16), nullable=False),
    Column("card", Text, nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("status", String(16), nullable=False, default="trusted"),  # trusted | revoked
    Column("enrolled_at", TS, nullable=False),
    Column("revoked_at", TS),
)

# What this node has applied from each origin: the high-water mark of its change sequence.
sync_origins = Table(
    "sync_origins", metadata,
    Column("origin_node", UUID, primary_key=True),
    Column("high_water", Integer, nullable=False, default=0),
    Column("last_package_id", UUID),
    Column("last_package_at", TS),
    Column("last_seen", TS),
)

sync_packages = Table(
    "sync_packages", metadata,
    Column("package_id", UUID, primary_key=True),
    Column("origin_node", UUID, nullable=False),
    Column("seq_from", Integer, nullable=False),
    Column("seq_to", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("state", String(16), nullable=False),   # imported | held
    Column("file_path", Text),
    Column("received_at", TS, nullable=False),
)

# How far each peer has acknowledged our own changes (incremental export starts after it).
sync_acks = Table(
    "sync_acks", metadata,
    Column("peer_node", UUID, primary_key=True),
    Column("acked_seq", Integer, nullable=False, default=0),
    Column("exported_seq", Integer, nullable=False, default=0),
    Column("updated_at", TS, nullable=False),
)

sync_conflicts = Table(
    "sync_conflicts", metadata,
    Column("id", UUID, primary_key=True),
    Column("entity", String(24), nullable=False),
    Column("entity_id", UUID, nullable=False),
    Column("origin_node", UUID, nullable=False),
    Column("package_id", UUID, nullable=False),
    Column("local_version", Integer),
    Column("incoming", Text, nullable=False),
    Column("detected_at", TS, nullable=False),
    Column("resolved_at", TS),
    Column("resolution", String(16)),
)

# The supervisor's remarks and correction requests: records of their own that travel back.
remarks = Table(
    "remarks", metadata,
    Column("id", UUID, primary_key=True),
    Column("case_id", UUID, nullable=False, index=True),
    Column("kind", String(16), nullable=False),     # remark | correction
    Column("text", Text, nullable=False),
    Column("author", String(max_len("remark.author")), nullable=False),
    Column("origin_node", UUID, nullable=False),
    Column("created_at", TS, nullable=False),
    Column("answered_at", TS),
)

key_enterprises = Table(
    "key_enterprises", metadata,
    Column("uscc", String(max_len("key_enterprise.uscc")), primary_key=True),
    Column("name", String(max_len("key_enterprise.name")), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("origin_node", UUID, nullable=False),
    Column("listed_at", TS, nullable=False),
)

notices = Table(
    "notices", metadata,
    Column("id", UUID, primary_key=True),
    Column("title", String(max_len("notice.title")), nullable=False),
    Column("body", Text, nullable=False),
    Column("origin_node", UUID, nullable=False),
    Column("created_at", TS, nullable=False),
    Column("read_at", TS),
    # An optional attached file (migration 0014), stored by hash beside the case attachments.
    Column("attachment_name", String(max_len("attachment.file_name"))),
    Column("attachment_sha256", String(64)),
)

# The newest audit entry of a room's hash chain as the district received it (migration 0007). At the
# district, one row per room: a later package must continue this chain, or the room's trail was cut
# or rewritten (``broken_at``/``broken_reason`` keep the refusal for ``check``). At a room, the row
# for its own node is the head the district acknowledged, which its own chain must still contain.
audit_anchors = Table(
    "audit_anchors", metadata,
    Column("room_node", UUID, primary_key=True),
    Column("last_seq", Integer, nullable=False),
    Column("last_hash", String(64), nullable=False),
    Column("received_at", TS, nullable=False),
    Column("package_id", UUID),
    Column("broken_at", TS),
    Column("broken_reason", Text),
)

# Templates a district package offers (migration 0005): kept here, not installed, until the
# organisation head accepts (then written to templates/) or declines. status: offered|accepted|declined.
template_offers = Table(
    "template_offers", metadata,
    Column("id", UUID, primary_key=True),
    Column("name", String(64), nullable=False, index=True),   # <kind>.docx
    Column("sha256", String(64), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("from_node", UUID, nullable=False),
    Column("package_id", UUID, nullable=False),
    Column("received_at", TS, nullable=False),
    Column("status", String(16), nullable=False),
    Column("decided_by", String(50)),
    Column("decided_at", TS),
)

# -- the programme's registers (migration 0010) ----------------------------------------------------------
# Records a room makes and sends up like cases (origin_node owns them, version detects conflicts);
# ``typical_library`` and ``training_courses`` are the district's and travel down. ``mediation_orgs``
# is the district's own register and does not travel.


def _owned(*columns: Column) -> list[Column]:
    return [Column("id", UUID, primary_key=True), *columns,
            Column("origin_node", UUID, nullable=False), Column("version", Integer, nullable=False, default=1),
            Column("created_at", TS, nullable=False), Column("updated_at", TS, nullable=False)]


# A room's answer to the district's remark or correction request (migration 0014): the room's own
# record, so it travels up like the programme's registers; a correction with an answer is closed.
remark_answers = Table(
    "remark_answers", metadata,
    *_owned(Column("remark_id", UUID, nullable=False),
            Column("text", Text, nullable=False),
            Column("author", String(max_len("remark.author")), nullable=False)),
)
Index("ix_remark_answers_remark_id", remark_answers.c.remark_id)


mediators = Table(
    "mediators", metadata,
    *_owned(Column("name", String(max_len("mediator.name")), nullable=False),
            Column("background", String(24), nullable=False),
            Column("phone", String(max_len("mediator.phone"))),
            Column("appointed_on", Date),
            Column("active", Boolean, nullable=False, default=True)),
)
Index("ix_mediators_name", mediators.c.name)

training_records = Table(
    "training_records", metadata,
    *_owned(Column("mediator_id", UUID, nullable=False),
            Column("course", String(max_len("training.course")), nullable=False),
            Column("organiser", String(max_len("training.organiser"))),
            Column("held_on", Date, nullable=False),
            Column("hours_tenths", Integer, nullable=False),
            Column("certificate_no", String(max_len("training.certificate_no")))),
)
Index("ix_training_records_mediator_id", training_records.c.mediator_id)

training_courses = Table(
    "training_courses", metadata,
    *_owned(Column("course", String(max_len("training.course")), nullable=False),
            Column("organiser", String(max_len("training.organiser"))),
            Column("held_on", Date, nullable=False),
            Column("hours_tenths", Integer, nullable=False)),
)

outreach_events = Table(
    "outreach_events", metadata,
    *_owned(Column("held_on", Date, nullable=False),
            Column("title", String(max_len("outreach.title")), nullable=False),
            Column("place", String(max_len("outreach.place"))),
            Column("enterprise", String(max_len("outreach.enterprise"))),
            Column("audience", Integer),
            Column("materials", Text, nullable=False, default=""),
            # Photos as attachments: a JSON list of {"sha256", "file_name"}, the files stored by hash.
            Column("photos", Text, nullable=False, default="[]")),
)

screenings = Table(
    "screenings", metadata,
    *_owned(Column("enterprise", String(max_len("screening.enterprise")), nullable=False),
            Column("uscc", String(max_len("screening.uscc"))),
            Column("screened_on", Date, nullable=False),
            Column("level", String(8), nullable=False),
            Column("checks", String(200), nullable=False, default=""),
            Column("findings", Text, nullable=False),
            Column("workers", Integer),
            Column("follow_up", Text, nullable=False, default=""),
            Column("status", String(8), nullable=False, default="open")),
)
Index("ix_screenings_uscc", screenings.c.uscc)

urgent_reports = Table(
    "urgent_reports", metadata,
    *_owned(Column("case_id", UUID),
            Column("screening_id", UUID),
            Column("title", String(max_len("urgent.title")), nullable=False),
            Column("what", Text, nullable=False),
            Column("who", Text, nullable=False),
            Column("workers", Integer),
            Column("amount_fen", Integer),
            Column("measures", Text, nullable=False, default=""),
            Column("request", Text, nullable=False, default=""),
            Column("reported_on", Date, nullable=False),
            Column("seen_at", TS)),
)

typical_cases = Table(
    "typical_cases", metadata,
    *_owned(Column("source_case_id", UUID),
            Column("title", String(max_len("typical.title")), nullable=False),
            Column("facts", Text, nullable=False),
            Column("process", Text, nullable=False),
            Column("result", Text, nullable=False),
            Column("experience", Text, nullable=False),
            Column("dispute_types", String(200), nullable=False, default="")),
)

typical_library = Table(
    "typical_library", metadata,
    *_owned(Column("typical_id", UUID, nullable=False),
            Column("org_code", String(max_len("org.code")), nullable=False),
            Column("title", String(max_len("typical.title")), nullable=False),
            Column("facts", Text, nullable=False),
            Column("process", Text, nullable=False),
            Column("result", Text, nullable=False),
            Column("experience", Text, nullable=False),
            Column("dispute_types", String(200), nullable=False, default=""),
            Column("promoted_on", Date, nullable=False)),
)

mediation_orgs = Table(
    "mediation_orgs", metadata,
    *_owned(Column("name", String(max_len("mediation_org.name")), nullable=False),
            Column("org_type", String(16), nullable=False),
            Column("address", String(max_len("mediation_org.address"))),
            Column("head", String(max_len("mediation_org.head"))),
            Column("mediators_count", Integer),
            Column("set_up_on", Date),
            Column("org_code", String(max_len("org.code")))),
)
