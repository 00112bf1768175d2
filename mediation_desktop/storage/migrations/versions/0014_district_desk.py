"""the district's desk: room overview, cross-room risk, package batches

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # One room's cases newest first, at a district of a million cases: an index walk instead of a sort.
    op.create_index("ix_cases_org_received", "cases", ["org_id", "received_on", "num"])
    # A room's answers to the district's remarks and correction requests (they travel up).
    op.create_table(
        "remark_answers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("remark_id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=50), nullable=False),
        sa.Column("origin_node", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_remark_answers")),
    )
    op.create_index("ix_remark_answers_remark_id", "remark_answers", ["remark_id"])
    # A notice's optional attached file, by name and hash.
    op.add_column("notices", sa.Column("attachment_name", sa.String(length=255), nullable=True))
    op.add_column("notices", sa.Column("attachment_sha256", sa.String(length=64), nullable=True))


def downgrade() -> None:
    # A native DROP COLUMN (SQLite 3.35+) leaves the table's SQL as the earlier revision wrote it; a
    # batch copy would rewrite it, and the schema check would then find notices changed.
    op.drop_column("notices", "attachment_sha256")
    op.drop_column("notices", "attachment_name")
    op.drop_index("ix_remark_answers_remark_id", table_name="remark_answers")
    op.drop_table("remark_answers")
    op.drop_index("ix_cases_org_received", table_name="cases")
