"""indexes for case-number, employer and applicant lookups (risk, duplicate warnings) at a million cases

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""
from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_cases_case_no", "cases", ["case_no"])
    op.create_index("ix_cases_respondent_uscc", "cases", ["respondent_uscc"])
    op.create_index("ix_cases_respondent_name", "cases", ["respondent_name"])
    op.create_index(op.f("ix_applicants_name"), "applicants", ["name"])
    op.create_index(op.f("ix_applicants_id_number"), "applicants", ["id_number"])


def downgrade() -> None:
    op.drop_index(op.f("ix_applicants_id_number"), table_name="applicants")
    op.drop_index(op.f("ix_applicants_name"), table_name="applicants")
    op.drop_index("ix_cases_respondent_name", table_name="cases")
    op.drop_index("ix_cases_respondent_uscc", table_name="cases")
    op.drop_index("ix_cases_case_no", table_name="cases")
