"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-29 05:06:00.478870
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# The full-text index is hand-written (autogenerate skips it, see env.py). SQLite: an external-content
# FTS5 table with the trigram tokenizer, kept in step by triggers. PostgreSQL: pg_trgm GIN indexes.
FTS_COLUMNS = ("case_no", "applicant_names", "respondent_name", "facts")

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE cases_fts USING fts5(case_no, applicant_names, respondent_name, facts, "
    "content='cases', content_rowid='num', tokenize='trigram')",
    "CREATE TRIGGER cases_fts_ai AFTER INSERT ON cases BEGIN "
    "INSERT INTO cases_fts(rowid, case_no, applicant_names, respondent_name, facts) "
    "VALUES (new.num, new.case_no, new.applicant_names, new.respondent_name, new.facts); END",
    "CREATE TRIGGER cases_fts_ad AFTER DELETE ON cases BEGIN "
    "INSERT INTO cases_fts(cases_fts, rowid, case_no, applicant_names, respondent_name, facts) "
    "VALUES ('delete', old.num, old.case_no, old.applicant_names, old.respondent_name, old.facts); END",
    "CREATE TRIGGER cases_fts_au AFTER UPDATE OF case_no, applicant_names, respondent_name, facts ON cases BEGIN "
    "INSERT INTO cases_fts(cases_fts, rowid, case_no, applicant_names, respondent_name, facts) "
    "VALUES ('delete', old.num, old.case_no, old.applicant_names, old.respondent_name, old.facts); "
    "INSERT INTO cases_fts(rowid, case_no, applicant_names, respondent_name, facts) "
    "VALUES (new.num, new.case_no, new.applicant_names, new.respondent_name, new.facts); END",
]
POSTGRES_FTS = ["CREATE EXTENSION IF NOT EXISTS pg_trgm"] + [
    f"CREATE INDEX cases_fts_{c} ON cases USING gin ({c} gin_trgm_ops)" for c in FTS_COLUMNS
]


def create_fulltext() -> None:
    dialect = op.get_bind().dialect.name
    for sql in SQLITE_FTS if dialect == "sqlite" else POSTGRES_FTS if dialect == "postgresql" else []:
        op.execute(sql)


def drop_fulltext() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trig in ("cases_fts_ai", "cases_fts_ad", "cases_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trig}")
        op.execute("DROP TABLE IF EXISTS cases_fts")
    elif dialect == "postgresql":
        for c in FTS_COLUMNS:
            op.execute(f"DROP INDEX IF EXISTS cases_fts_{c}")


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('user', sa.String(length=50), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('entity', sa.String(length=24), nullable=True),
    sa.Column('entity_id', sa.String(length=64), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_entity', ['entity_id'], unique=False)

    op.create_table('changes',
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.Column('origin_seq', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=24), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=8), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('origin_node', 'origin_seq', name=op.f('pk_changes'))
    )
    op.create_table('node_state',
    sa.Column('node_id', sa.String(length=36), nullable=False),
    sa.Column('org_id', sa.String(length=36), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('node_id', name=op.f('pk_node_state'))
    )
    op.create_table('organisations',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('district_code', sa.String(length=32), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('arbitration_name', sa.String(length=200), nullable=True),
    sa.Column('arbitration_address', sa.String(length=200), nullable=True),
    sa.Column('case_no_pattern', sa.String(length=100), nullable=True),
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisations'))
    )
    op.create_table('settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('tombstones',
    sa.Column('entity', sa.String(length=24), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_by', sa.String(length=50), nullable=True),
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'entity_id', name=op.f('pk_tombstones'))
    )
    op.create_table('cases',
    sa.Column('num', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('org_id', sa.String(length=36), nullable=False),
    sa.Column('case_no', sa.String(length=64), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq_no', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('accepted_on', sa.Date(), nullable=True),
    sa.Column('concluded_on', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('extended_until', sa.Date(), nullable=True),
    sa.Column('dispute_types', sa.String(length=200), nullable=False),
    sa.Column('workers_involved', sa.Integer(), nullable=False),
    sa.Column('collective', sa.Boolean(), nullable=False),
    sa.Column('amount_claimed_fen', sa.Integer(), nullable=True),
    sa.Column('amount_agreed_fen', sa.Integer(), nullable=True),
    sa.Column('channel', sa.String(length=24), nullable=False),
    sa.Column('court_case_no', sa.String(length=64), nullable=True),
    sa.Column('mediator', sa.String(length=50), nullable=True),
    sa.Column('facts', sa.Text(), nullable=False),
    sa.Column('not_accepted_reason', sa.Text(), nullable=True),
    sa.Column('conclusion_note', sa.Text(), nullable=True),
    sa.Column('transferred_to', sa.String(length=200), nullable=True),
    sa.Column('remarks', sa.Text(), nullable=False),
    sa.Column('applicant_names', sa.Text(), nullable=False),
    sa.Column('respondent_name', sa.String(length=200), nullable=False),
    sa.Column('respondent_uscc', sa.String(length=18), nullable=True),
    sa.Column('respondent_legal_rep', sa.String(length=50), nullable=True),
    sa.Column('respondent_address', sa.String(length=200), nullable=True),
    sa.Column('respondent_phone', sa.String(length=32), nullable=True),
    sa.Column('acceptance_due', sa.Date(), nullable=True),
    sa.Column('statutory_due', sa.Date(), nullable=True),
    sa.Column('mediation_due', sa.Date(), nullable=True),
    sa.Column('next_due', sa.Date(), nullable=True),
    sa.Column('deadlines_approx', sa.Boolean(), nullable=False),
    sa.Column('ledger_key', sa.String(length=64), nullable=True),
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=50), nullable=True),
    sa.ForeignKeyConstraint(['org_id'], ['organisations.id'], name=op.f('fk_cases_org_id_organisations')),
    sa.PrimaryKeyConstraint('num', name=op.f('pk_cases')),
    sa.UniqueConstraint('id', name=op.f('uq_cases_id')),
    sa.UniqueConstraint('org_id', 'case_no', name=op.f('uq_cases_org_id_case_no')),
    sa.UniqueConstraint('org_id', 'year', 'seq_no', name=op.f('uq_cases_org_id_year_seq_no'))
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index('ix_cases_ledger_key', ['ledger_key'], unique=False)
        batch_op.create_index('ix_cases_open_due', ['status', 'next_due'], unique=False)
        batch_op.create_index('ix_cases_received', ['received_on', 'num'], unique=False)

    op.create_table('agreements',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=False),
    sa.Column('effective_on', sa.Date(), nullable=True),
    sa.Column('full_and_final', sa.Boolean(), nullable=False),
    sa.Column('default_route', sa.String(length=16), nullable=False),
    sa.Column('arbitration_review_applied_on', sa.Date(), nullable=True),
    sa.Column('arbitration_review_result', sa.Text(), nullable=True),
    sa.Column('judicial_confirmation_applied_on', sa.Date(), nullable=True),
    sa.Column('judicial_confirmation_result', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_agreements_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreements')),
    sa.UniqueConstraint('case_id', name=op.f('uq_agreements_case_id'))
    )
    op.create_table('applicants',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('gender', sa.String(length=4), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('is_representative', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_applicants_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applicants'))
    )
    with op.batch_alter_table('applicants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applicants_case_id'), ['case_id'], unique=False)

    op.create_table('claims',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=True),
    sa.Column('dispute_type', sa.String(length=24), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_claims_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims'))
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_case_id'), ['case_id'], unique=False)

    op.create_table('documents',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('template_source', sa.String(length=16), nullable=False),
    sa.Column('generated_by', sa.String(length=50), nullable=False),
    sa.Column('generated_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_documents_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('case_id', 'kind', 'version', name=op.f('uq_documents_case_id_kind_version'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_case_id'), ['case_id'], unique=False)

    op.create_table('sessions',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('attendees', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('recorder', sa.String(length=50), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_sessions_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sessions'))
    )
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sessions_case_id'), ['case_id'], unique=False)

    op.create_table('agreement_items',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('agreement_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('payer', sa.String(length=200), nullable=False),
    sa.Column('payee', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('method', sa.String(length=100), nullable=False),
    sa.Column('performed_on', sa.Date(), nullable=True),
    sa.Column('performed_fen', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'], name=op.f('fk_agreement_items_agreement_id_agreements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_items'))
    )
    with op.batch_alter_table('agreement_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_items_agreement_id'), ['agreement_id'], unique=False)

    op.create_table('attachments',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('document_id', sa.String(length=36), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('description', sa.String(length=200), nullable=False),
    sa.Column('added_by', sa.String(length=50), nullable=False),
    sa.Column('added_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_attachments_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_attachments_document_id_documents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachments'))
    )
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachments_case_id'), ['case_id'], unique=False)

    create_fulltext()


def downgrade() -> None:
    drop_fulltext()
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachments_case_id'))

    op.drop_table('attachments')
    with op.batch_alter_table('agreement_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_items_agreement_id'))

    op.drop_table('agreement_items')
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sessions_case_id'))

    op.drop_table('sessions')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_case_id'))

    op.drop_table('documents')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_case_id'))

    op.drop_table('claims')
    with op.batch_alter_table('applicants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_applicants_case_id'))

    op.drop_table('applicants')
    op.drop_table('agreements')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_received')
        batch_op.drop_index('ix_cases_open_due')
        batch_op.drop_index('ix_cases_ledger_key')

    op.drop_table('cases')
    op.drop_table('tombstones')
    op.drop_table('settings')
    op.drop_table('organisations')
    op.drop_table('node_state')
    op.drop_table('changes')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_entity')

    op.drop_table('audit_log')
