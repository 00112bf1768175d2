"""the district keeps each room's received audit chain heads

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_anchors",
        sa.Column("room_node", sa.String(length=36), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.String(length=32), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=True),
        sa.Column("broken_at", sa.String(length=32), nullable=True),
        sa.Column("broken_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("room_node", name=op.f("pk_audit_anchors")),
    )


def downgrade() -> None:
    op.drop_table("audit_anchors")
