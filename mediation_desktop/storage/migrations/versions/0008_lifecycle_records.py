"""lifecycle facts: late acceptance, the agreed date of an extension, agreement terms

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, never a batch table copy: a copy of ``cases`` would drop the search
    # triggers of migration 0003. NOT NULL columns need a server default for the existing rows.
    op.add_column("cases", sa.Column("extension_agreed_on", sa.Date(), nullable=True))
    op.add_column("cases", sa.Column("accepted_late", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("agreements", sa.Column("tax", sa.String(length=16), nullable=True))
    op.add_column("agreements", sa.Column("other_terms", sa.Text(), nullable=False, server_default=""))
    op.add_column("agreement_items", sa.Column("account", sa.String(length=100), nullable=False, server_default=""))
    op.create_table(
        "agreement_workers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreements.id"],
                                name=op.f("fk_agreement_workers_agreement_id_agreements"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_workers")),
    )
    with op.batch_alter_table("agreement_workers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreement_workers_agreement_id"), ["agreement_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("agreement_workers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_workers_agreement_id"))
    op.drop_table("agreement_workers")
    op.drop_column("agreement_items", "account")
    op.drop_column("agreements", "other_terms")
    op.drop_column("agreements", "tax")
    op.drop_column("cases", "accepted_late")
    op.drop_column("cases", "extension_agreed_on")
