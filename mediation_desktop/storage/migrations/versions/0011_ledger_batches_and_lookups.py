"""ledger import batches, historical flags, old references, keyed hashes for ID and phone lookups

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30

Plain ADD COLUMN on ``cases`` (not batch mode): rebuilding it would drop the full-text triggers.
The lookup rows of the cases already here are made in batches, under a secret made now.
"""
from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

from mediation_desktop.core import number_lookup

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

SECRET_KEY = "number_lookup_secret"
_BATCH = 5000
_FLAGS = ("historical", "closed_on_inferred", "review_pending")


def upgrade() -> None:
    op.add_column("cases", sa.Column("ledger_no", sa.String(length=64), nullable=True))
    op.add_column("cases", sa.Column("import_batch", sa.String(length=36), nullable=True))
    for flag in _FLAGS:
        op.add_column("cases", sa.Column(flag, sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_index("ix_cases_ledger_no", "cases", ["ledger_no"], unique=False)
    op.create_index("ix_cases_import_batch", "cases", ["import_batch"], unique=False)
    op.create_index("ix_cases_review_pending", "cases", ["review_pending"], unique=False)
    op.create_table(
        "ledger_batches",
        sa.Column("num", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("imported_at", sa.String(length=32), nullable=False),
        sa.Column("imported_by", sa.String(length=50), nullable=True),
        sa.Column("cases", sa.Integer(), nullable=False),
        sa.Column("seq_from", sa.Integer(), nullable=False),
        sa.Column("seq_to", sa.Integer(), nullable=False),
        sa.Column("undone_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("num", name=op.f("pk_ledger_batches")),
        sa.UniqueConstraint("id", name=op.f("uq_ledger_batches_id")),
    )
    lookups = op.create_table(
        "number_lookups",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("hash", sa.LargeBinary(length=16), nullable=False),
    )
    _backfill(lookups)
    op.create_index("ix_number_lookups_case_id", "number_lookups", ["case_id"], unique=False)
    op.create_index("ix_number_lookups_hash", "number_lookups", ["hash"], unique=False)


def _backfill(lookups: sa.Table) -> None:
    """Lookup rows for the applicants already stored (indexes are made afterwards: faster)."""
    conn = op.get_bind()
    settings = sa.table("settings", sa.column("key", sa.String), sa.column("value", sa.Text))
    found = conn.execute(sa.select(settings.c.value).where(settings.c.key == SECRET_KEY)).scalar()
    if found is None:
        found = secrets.token_hex(number_lookup.SECRET_BYTES)
        conn.execute(sa.insert(settings).values(key=SECRET_KEY, value=found))
    secret = bytes.fromhex(found)
    applicants = sa.table("applicants", sa.column("id", sa.String), sa.column("case_id", sa.String),
                          sa.column("id_number", sa.String), sa.column("phone", sa.String))
    last = ""
    while True:
        rows = conn.execute(
            sa.select(applicants.c.id, applicants.c.case_id, applicants.c.id_number, applicants.c.phone)
            .where(applicants.c.id > last, sa.or_(applicants.c.id_number.is_not(None), applicants.c.phone.is_not(None)))
            .order_by(applicants.c.id).limit(_BATCH)).all()
        if not rows:
            return
        out = set()
        for r in rows:
            out |= {(r.case_id, kind, digest) for kind, digest in
                    number_lookup.applicant_digests(secret, r.id_number, r.phone)}
        if out:
            conn.execute(sa.insert(lookups), [{"case_id": c, "kind": k, "hash": h} for c, k, h in out])
        last = rows[-1].id


def downgrade() -> None:
    op.drop_table("number_lookups")
    op.drop_table("ledger_batches")
    op.drop_index("ix_cases_review_pending", table_name="cases")
    op.drop_index("ix_cases_import_batch", table_name="cases")
    op.drop_index("ix_cases_ledger_no", table_name="cases")
    for flag in reversed(_FLAGS):
        op.drop_column("cases", flag)
    op.drop_column("cases", "import_batch")
    op.drop_column("cases", "ledger_no")
