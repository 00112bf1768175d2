"""case_names: a narrow table for 1–2 character searches

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

NAMES = "{p}.case_no || char(31) || {p}.applicant_names || char(31) || {p}.respondent_name"
TRIGGERS = [
    "CREATE TRIGGER case_names_ai AFTER INSERT ON cases BEGIN "
    f"INSERT INTO case_names(num, names) VALUES (new.num, {NAMES.format(p='new')}); END",
    "CREATE TRIGGER case_names_ad AFTER DELETE ON cases BEGIN DELETE FROM case_names WHERE num = old.num; END",
    "CREATE TRIGGER case_names_au AFTER UPDATE OF case_no, applicant_names, respondent_name ON cases BEGIN "
    f"UPDATE case_names SET names = {NAMES.format(p='new')} WHERE num = new.num; END",
]


def upgrade() -> None:
    op.create_table(
        "case_names",
        sa.Column("num", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("names", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("num", name=op.f("pk_case_names")),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"INSERT INTO case_names(num, names) SELECT num, {NAMES.format(p='cases')} FROM cases")
        for sql in TRIGGERS:
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("case_names_ai", "case_names_ad", "case_names_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("case_names")
