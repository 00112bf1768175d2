"""the next mediation session booked on a case (date, time, place), indexed for the desk

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30

Plain ADD COLUMN on ``cases`` (not batch mode): rebuilding it would drop the full-text triggers.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("next_session_on", sa.Date(), nullable=True))
    op.add_column("cases", sa.Column("next_session_at", sa.String(length=5), nullable=True))
    op.add_column("cases", sa.Column("next_session_place", sa.String(length=200), nullable=True))
    op.create_index("ix_cases_next_session", "cases", ["next_session_on"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_cases_next_session", table_name="cases")
    op.drop_column("cases", "next_session_place")
    op.drop_column("cases", "next_session_at")
    op.drop_column("cases", "next_session_on")
