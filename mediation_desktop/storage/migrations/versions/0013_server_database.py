"""a consolidated database on a server: chain serialisation, batch bookkeeping

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30
"""
from __future__ import annotations

from alembic import op  # noqa: F401 - used once this migration has content

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
