"""the district's desk: room overview, cross-room risk, package batches

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30
"""
from __future__ import annotations

from alembic import op  # noqa: F401 - used once this migration has content

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
