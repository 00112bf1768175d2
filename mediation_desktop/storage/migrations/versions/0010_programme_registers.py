"""the programme's registers: mediators, training, organisations, outreach, screenings, urgent reports, typical cases

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('mediation_orgs',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('org_type', sa.String(length=16), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('head', sa.String(length=50), nullable=True),
    sa.Column('mediators_count', sa.Integer(), nullable=True),
    sa.Column('set_up_on', sa.Date(), nullable=True),
    sa.Column('org_code', sa.String(length=32), nullable=True),
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mediation_orgs'))
    )
    op.create_table('mediators',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('background', sa.String(length=24), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('appointed_on', sa.Date(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mediators'))
    )
    op.create_index('ix_mediators_name', 'mediators', ['name'], unique=False)
    op.create_table('outreach_events',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=True),
    sa.Column('enterprise', sa.String(length=200), nullable=True),
    sa.Column('audience', sa.Integer(), nullable=True),
    sa.Column('materials', sa.Text(), nullable=False),
    sa.Column('photos', sa.Text(), nullable=False),
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outreach_events'))
    )
    op.create_table('screenings',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('enterprise', sa.String(length=200), nullable=False),
    sa.Column('uscc', sa.String(length=18), nullable=True),
    sa.Column('screened_on', sa.Date(), nullable=False),
    sa.Column('level', sa.String(length=8), nullable=False),
    sa.Column('checks', sa.String(length=200), nullable=False),
    sa.Column('findings', sa.Text(), nullable=False),
    sa.Column('workers', sa.Integer(), nullable=True),
    sa.Column('follow_up', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screenings'))
    )
    op.create_index('ix_screenings_uscc', 'screenings', ['uscc'], unique=False)
    op.create_table('training_courses',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('course', sa.String(length=200), nullable=False),
    sa.Column('organiser', sa.String(length=200), nullable=True),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('hours_tenths', sa.Integer(), nullable=False),
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_courses'))
    )
    op.create_table('training_records',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('mediator_id', sa.String(length=36), nullable=False),
    sa.Column('course', sa.String(length=200), nullable=False),
    sa.Column('organiser', sa.String(length=200), nullable=True),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('hours_tenths', sa.Integer(), nullable=False),
    sa.Column('certificate_no', sa.String(length=64), nullable=True),
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_records'))
    )
    op.create_index('ix_training_records_mediator_id', 'training_records', ['mediator_id'], unique=False)
    op.create_table('typical_cases',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('source_case_id', sa.String(length=36), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('facts', sa.Text(), nullable=False),
    sa.Column('process', sa.Text(), nullable=False),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('experience', sa.Text(), nullable=False),
    sa.Column('dispute_types', sa.String(length=200), nullable=False),
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_typical_cases'))
    )
    op.create_table('typical_library',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('typical_id', sa.String(length=36), nullable=False),
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('facts', sa.Text(), nullable=False),
    sa.Column('process', sa.Text(), nullable=False),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('experience', sa.Text(), nullable=False),
    sa.Column('dispute_types', sa.String(length=200), nullable=False),
    sa.Column('promoted_on', sa.Date(), nullable=False),
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_typical_library'))
    )
    op.create_table('urgent_reports',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=True),
    sa.Column('screening_id', sa.String(length=36), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('what', sa.Text(), nullable=False),
    sa.Column('who', sa.Text(), nullable=False),
    sa.Column('workers', sa.Integer(), nullable=True),
    sa.Column('amount_fen', sa.Integer(), nullable=True),
    sa.Column('measures', sa.Text(), nullable=False),
    sa.Column('request', sa.Text(), nullable=False),
    sa.Column('reported_on', sa.Date(), nullable=False),
    sa.Column('seen_at', sa.String(length=32), nullable=True),
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_urgent_reports'))
    )


def downgrade() -> None:
    op.drop_table('urgent_reports')
    op.drop_table('typical_library')
    op.drop_table('typical_cases')
    op.drop_index('ix_training_records_mediator_id', table_name='training_records')
    op.drop_table('training_records')
    op.drop_table('training_courses')
    op.drop_index('ix_screenings_uscc', table_name='screenings')
    op.drop_table('screenings')
    op.drop_table('outreach_events')
    op.drop_index('ix_mediators_name', table_name='mediators')
    op.drop_table('mediators')
    op.drop_table('mediation_orgs')
