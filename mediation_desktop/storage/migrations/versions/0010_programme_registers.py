"""the programme's registers: mediators, training, organisations, outreach, screenings, urgent reports, typical cases

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""
from __future__ import annotations

from alembic import op  # noqa: F401 - used once this migration has content

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
