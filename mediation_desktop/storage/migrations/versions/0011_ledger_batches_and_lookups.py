"""ledger import batches, historical flags, old references, keyed hashes for ID and phone lookups

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""
from __future__ import annotations

from alembic import op  # noqa: F401 - used once this migration has content

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
