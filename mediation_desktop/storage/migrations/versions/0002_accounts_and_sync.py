"""accounts and sync

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 05:10:12.288831
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('key_enterprises',
    sa.Column('uscc', sa.String(length=18), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.Column('listed_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('uscc', name=op.f('pk_key_enterprises'))
    )
    op.create_table('notices',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('read_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notices'))
    )
    op.create_table('peers',
    sa.Column('node_id', sa.String(length=36), nullable=False),
    sa.Column('org_id', sa.String(length=36), nullable=True),
    sa.Column('org_name', sa.String(length=200), nullable=False),
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('card', sa.Text(), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('enrolled_at', sa.String(length=32), nullable=False),
    sa.Column('revoked_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('node_id', name=op.f('pk_peers'))
    )
    op.create_table('remarks',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=50), nullable=False),
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('answered_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_remarks'))
    )
    with op.batch_alter_table('remarks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_remarks_case_id'), ['case_id'], unique=False)

    op.create_table('sync_acks',
    sa.Column('peer_node', sa.String(length=36), nullable=False),
    sa.Column('acked_seq', sa.Integer(), nullable=False),
    sa.Column('exported_seq', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('peer_node', name=op.f('pk_sync_acks'))
    )
    op.create_table('sync_conflicts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('entity', sa.String(length=24), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.Column('package_id', sa.String(length=36), nullable=False),
    sa.Column('local_version', sa.Integer(), nullable=True),
    sa.Column('incoming', sa.Text(), nullable=False),
    sa.Column('detected_at', sa.String(length=32), nullable=False),
    sa.Column('resolved_at', sa.String(length=32), nullable=True),
    sa.Column('resolution', sa.String(length=16), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflicts'))
    )
    op.create_table('sync_origins',
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.Column('high_water', sa.Integer(), nullable=False),
    sa.Column('last_package_id', sa.String(length=36), nullable=True),
    sa.Column('last_package_at', sa.String(length=32), nullable=True),
    sa.Column('last_seen', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('origin_node', name=op.f('pk_sync_origins'))
    )
    op.create_table('sync_packages',
    sa.Column('package_id', sa.String(length=36), nullable=False),
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.Column('seq_from', sa.Integer(), nullable=False),
    sa.Column('seq_to', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('file_path', sa.Text(), nullable=True),
    sa.Column('received_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('package_id', name=op.f('pk_sync_packages'))
    )
    op.create_table('users',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('display_name', sa.String(length=50), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.String(length=32), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('name', name=op.f('uq_users_name'))
    )


def downgrade() -> None:
    op.drop_table('users')
    op.drop_table('sync_packages')
    op.drop_table('sync_origins')
    op.drop_table('sync_conflicts')
    op.drop_table('sync_acks')
    with op.batch_alter_table('remarks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_remarks_case_id'))

    op.drop_table('remarks')
    op.drop_table('peers')
    op.drop_table('notices')
    op.drop_table('key_enterprises')
