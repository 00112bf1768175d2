"""fields the documents need: agents, titles, positions, recorder, organisation address

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30

The session recorder and the organisation's address and phone already have columns (0001). Plain
ADD COLUMN (not batch mode): rebuilding ``cases`` would drop the full-text triggers that hang on it.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_CASE_COLUMNS = (
    ("respondent_legal_rep_title", sa.String(length=50)),
    ("respondent_agent", sa.String(length=100)),
    ("respondent_agent_special", sa.Boolean()),
    ("respondent_position", sa.Text()),
    ("employment_ended_on", sa.Date()),
)
_APPLICANT_COLUMNS = (
    ("agent", sa.String(length=100)),
    ("agent_special", sa.Boolean()),
)


def upgrade() -> None:
    for name, type_ in _CASE_COLUMNS:
        op.add_column("cases", sa.Column(name, type_, nullable=True))
    for name, type_ in _APPLICANT_COLUMNS:
        op.add_column("applicants", sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    for name, _ in _APPLICANT_COLUMNS:
        op.drop_column("applicants", name)
    for name, _ in _CASE_COLUMNS:
        op.drop_column("cases", name)
